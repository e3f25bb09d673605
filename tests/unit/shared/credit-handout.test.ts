import { describe, expect, it } from 'vitest';
import { DEFAULT_CREDIT_STYLE, type CreditStyle } from '../../../shared/model/settings';
import { buildCredit, isHandout, type CreditInput } from '../../../shared/rules/credit';

const BY_AND_VIA: CreditStyle = { ...DEFAULT_CREDIT_STYLE, handoutPattern: '{creator}/Handout via {agency}' };
const AGENCY_FORM: CreditStyle = { ...DEFAULT_CREDIT_STYLE, handoutForm: 'agency' };

function input(fields: Partial<CreditInput>): CreditInput {
  return { creator: '', creditLine: '', source: '', ...fields };
}

/** A picture taken by a private person and distributed by Reuters, as its file says it. */
const HO_SOURCE = input({ creator: 'Maria Kovalenko', creditLine: 'REUTERS', source: 'HO' });

describe('handouts the agency marks with "HO" or in words', () => {
  it('recognises Source "HO" and never credits the person as the agency\'s photographer', () => {
    expect(isHandout(HO_SOURCE)).toBe(true);
    expect(buildCredit(HO_SOURCE, DEFAULT_CREDIT_STYLE)).toMatchObject({ text: 'Handout/Reuters', rule: 'handout' });
    expect(buildCredit(HO_SOURCE, BY_AND_VIA).text).toBe('Maria Kovalenko/Handout via Reuters');
  });

  it('recognises "HO" as a segment of the credit line ("HO/AFP")', () => {
    expect(buildCredit(input({ creator: 'Ministry of Defence', creditLine: 'HO/AFP' }), BY_AND_VIA).text).toBe(
      'Ministry of Defence/Handout via AFP',
    );
  });

  it('recognises "HANDOUT PHOTO" in the caption, title, headline or instructions', () => {
    const base = { creator: 'Tom Bradley', creditLine: 'REUTERS', source: 'Reuters' };
    for (const field of ['description', 'title', 'headline', 'instructions'] as const) {
      const marked = input({ ...base, [field]: 'Smoke over the port. HANDOUT PHOTO' });
      expect(buildCredit(marked, BY_AND_VIA).text, field).toBe('Tom Bradley/Handout via Reuters');
    }
    expect(isHandout(input({ ...base, description: 'A handout picture released by the navy shows the ship.' }))).toBe(true);
    expect(isHandout(input({ ...base, instructions: 'HANDOUT - EDITORIAL USE ONLY' }))).toBe(true);
  });

  it('leaves names and prose alone: "Ho", "food handouts", "handed out"', () => {
    expect(isHandout(input({ creator: 'Ho Chi Minh', creditLine: 'AFP', source: 'AFP' }))).toBe(false);
    expect(isHandout(input({ creator: 'Jane Doe', source: 'Ho', creditLine: 'AFP' }))).toBe(false);
    expect(isHandout(input({ creator: 'Jane Doe', creditLine: 'AFP', description: 'Volunteers prepare a food handout in Gaza.' }))).toBe(false);
    expect(isHandout(input({ creator: 'Jane Doe', creditLine: 'AFP', description: 'Leaflets were handed out.' }))).toBe(false);
    expect(buildCredit(input({ creator: 'Jane Doe', creditLine: 'AFP', source: 'Ho' }), DEFAULT_CREDIT_STYLE).text).toBe('Jane Doe/AFP');
  });

  it('still says Handout when the pattern loses its middle for want of a creator', () => {
    const ministry = input({ creator: 'HANDOUT', source: 'Ukrainian Presidential Press Service' });
    expect(buildCredit(ministry, BY_AND_VIA).text).toBe('Handout/Ukrainian Presidential Press Service');
  });

  it("keeps the agency's own handout credit line when the house style says so", () => {
    const reuters = input({ creator: 'Maria Kovalenko', creditLine: 'Ukrainian Presidential Press Service/Handout via REUTERS', source: 'HO' });
    expect(buildCredit(reuters, AGENCY_FORM)).toMatchObject({ text: 'Ukrainian Presidential Press Service/Handout via REUTERS', rule: 'handout' });
    // Nothing the agency wrote to keep: the pattern still gives a credit.
    expect(buildCredit(input({ creator: 'Maria Kovalenko', source: 'HO' }), AGENCY_FORM).text).toBe('Handout/Maria Kovalenko');
  });
});
