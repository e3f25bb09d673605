import { describe, expect, it } from 'vitest';
import { DEFAULT_CREDIT_STYLE, type CreditStyle } from '../../../shared/model/settings';
import { buildCredit, creatorNames, type BuiltCredit, type CreditInput } from '../../../shared/rules/credit';
import { checkCreditStyle, patternProblem } from '../../../shared/rules/credit-style-check';
import { nameCase } from '../../../shared/rules/name-case';

function credit(creator: string, creditLine = '', source = '', style: CreditStyle = DEFAULT_CREDIT_STYLE): BuiltCredit {
  return buildCredit({ creator, creditLine, source }, style);
}

function originsOf(built: BuiltCredit): string[] {
  return built.parts.map((part) => `${part.from}:${part.text}`);
}

describe('buildCredit in the default house style', () => {
  it('joins creator and agency: "Name/POOL/AFP via Getty Images"', () => {
    const built = credit('Gonzalo Fuentes', 'POOL/AFP via Getty Images');
    expect(built.text).toBe('Gonzalo Fuentes/POOL/AFP via Getty Images');
    expect(built.rule).toBe('standard');
    expect(originsOf(built)).toEqual(['creator:Gonzalo Fuentes', 'style:/', 'creditLine:POOL/AFP via Getty Images']);
  });

  it('writes AP credits as "AP Photo/Name", whether the file says AP or Associated Press', () => {
    for (const line of ['AP', 'Associated Press', 'ASSOCIATED PRESS', 'The Associated Press', 'ap']) {
      const built = credit('Evan Vucci', line);
      expect(built.text, line).toBe('AP Photo/Evan Vucci');
      expect(built.rule).toBe('agency');
    }
    expect(originsOf(credit('Evan Vucci', 'AP'))).toEqual(['style:AP Photo/', 'creator:Evan Vucci']);
  });

  it('writes an AP photo without a creator as "AP Photo"', () => {
    expect(credit('', 'AP').text).toBe('AP Photo');
  });

  it('applies aliases: REUTERS becomes Reuters', () => {
    const built = credit('Yves Herman', 'REUTERS');
    expect(built.text).toBe('Yves Herman/Reuters');
    expect(originsOf(built)).toEqual(['creator:Yves Herman', 'style:/', 'creditLine:Reuters']);
  });

  it('matches aliases only against the whole value', () => {
    expect(credit('Evan Vucci', 'Associated Press Images').text).toBe('Evan Vucci/Associated Press Images');
    expect(credit('Yves Herman', 'REUTERS/Pool').text).toBe('Yves Herman/REUTERS/Pool');
  });

  it('uses the source when the file has no credit line', () => {
    const built = credit('Yves Herman', '', 'REUTERS');
    expect(built.text).toBe('Yves Herman/Reuters');
    expect(built.parts.at(-1)).toEqual({ text: 'Reuters', from: 'source' });
  });

  it('prefers the credit line to the source', () => {
    expect(credit('Gonzalo Fuentes', 'POOL/AFP via Getty Images', 'AFP').text).toBe('Gonzalo Fuentes/POOL/AFP via Getty Images');
  });

  it('gives the creator alone, the agency alone, or nothing', () => {
    expect(credit('Jane Doe')).toMatchObject({ text: 'Jane Doe', rule: 'creator-only' });
    expect(credit('', 'Reuters')).toMatchObject({ text: 'Reuters', rule: 'agency-only' });
    expect(credit('', '', 'AFP')).toMatchObject({ text: 'AFP', rule: 'agency-only' });
    expect(credit('', '', '')).toEqual({ text: '', parts: [], rule: 'none' });
    expect(credit('  ', ' \n ', '\t')).toEqual({ text: '', parts: [], rule: 'none' });
  });

  it('does not name the creator twice when the credit line already does', () => {
    expect(credit('Gonzalo Fuentes', 'Gonzalo Fuentes/POOL/AFP via Getty Images').text).toBe('Gonzalo Fuentes/POOL/AFP via Getty Images');
    expect(credit('GONZALO FUENTES', 'Gonzalo Fuentes/POOL/AFP via Getty Images').text).toBe('Gonzalo Fuentes/POOL/AFP via Getty Images');
    expect(originsOf(credit('Gonzalo Fuentes', 'Gonzalo Fuentes/POOL/AFP'))).toEqual(['creditLine:Gonzalo Fuentes/POOL/AFP']);
    expect(credit('REUTERS', 'REUTERS').text).toBe('Reuters');
  });

  it('only treats whole words as the creator being named already', () => {
    expect(credit('Ann Lee', 'Ann Leeds/AFP').text).toBe('Ann Lee/Ann Leeds/AFP');
  });

  it('collapses line breaks and double spaces from the file', () => {
    expect(credit('  Gonzalo   Fuentes ', ' POOL/AFP\nvia Getty Images ').text).toBe('Gonzalo Fuentes/POOL/AFP via Getty Images');
  });
});

describe('handouts', () => {
  it('uses the handout pattern for a creator "Handout"', () => {
    const built = credit('HANDOUT', '', 'Ukrainian Presidential Press Service');
    expect(built).toMatchObject({ text: 'Handout/Ukrainian Presidential Press Service', rule: 'handout' });
    expect(originsOf(built)).toEqual(['style:Handout/', 'source:Ukrainian Presidential Press Service']);
  });

  it('takes the agency out of a credit line such as "HANDOUT/AFP"', () => {
    expect(credit('Handout', 'HANDOUT/AFP').text).toBe('Handout/AFP');
    expect(credit('', 'handout/afp').text).toBe('Handout/afp');
    expect(credit('Some Photographer', 'HANDOUT/AFP').text).toBe('Handout/AFP');
    expect(credit('', 'HANDOUT/REUTERS').text).toBe('Handout/Reuters');
  });

  it('keeps reading "…/Handout via Reuters" as "… via Reuters"', () => {
    expect(credit('', '', 'Ukrainian Presidential Press Service/Handout via Reuters').text).toBe(
      'Handout/Ukrainian Presidential Press Service via Reuters',
    );
  });

  it('falls back to the source when the credit line only says handout', () => {
    expect(credit('', 'Handout', 'Ukrainian Presidential Press Service').text).toBe('Handout/Ukrainian Presidential Press Service');
  });

  it('uses the creator as the origin when it is all there is', () => {
    expect(credit('WHITE HOUSE/HANDOUT').text).toBe('Handout/White House');
    expect(credit('Handout')).toMatchObject({ text: 'Handout', rule: 'handout' });
  });

  it('needs the whole word: "Handouts" is not a handout', () => {
    expect(credit('Jane Doe', 'Handouts Ltd')).toMatchObject({ text: 'Jane Doe/Handouts Ltd', rule: 'standard' });
  });
});

describe('patterns of a custom style', () => {
  const style = (pattern: string, rest: Partial<CreditStyle> = {}): CreditStyle => ({ ...DEFAULT_CREDIT_STYLE, pattern, ...rest });

  it('drops the text between placeholders when one of them is empty, keeps the text around them', () => {
    const photoBy = style('Photo: {creator} for {agency}');
    expect(credit('Jane Doe', 'AFP', '', photoBy).text).toBe('Photo: Jane Doe for AFP');
    expect(credit('Jane Doe', '', '', photoBy).text).toBe('Photo: Jane Doe');
    expect(credit('', 'AFP', '', photoBy).text).toBe('Photo: AFP');
  });

  it('drops brackets that lose their partner, keeps those that do not', () => {
    expect(credit('Jane Doe', '', '', style('{creator} ({agency})')).text).toBe('Jane Doe');
    expect(credit('Jane Doe', 'AFP', '', style('{creator} ({agency})')).text).toBe('Jane Doe (AFP)');
    expect(credit('Jane Doe', '', '', style('({creator}/{agency})')).text).toBe('(Jane Doe)');
  });

  it('places the agency first when the pattern says so, and reads placeholders in any case', () => {
    expect(credit('Jane Doe', 'AFP', '', style('{AGENCY} / {Creator}')).text).toBe('AFP / Jane Doe');
  });

  it('uses agency rules after aliases, in any case', () => {
    const custom = style('{creator}/{agency}', {
      agencyRules: [{ agency: 'afp', pattern: '{creator}/AFP via Getty Images' }],
      aliases: [{ from: 'Agence France-Presse', to: 'AFP' }],
    });
    expect(credit('Jane Doe', 'AGENCE FRANCE-PRESSE', '', custom)).toMatchObject({ text: 'Jane Doe/AFP via Getty Images', rule: 'agency' });
  });

  it('builds parts that always add up to the text, with no empty part', () => {
    const creators = ['', 'Jane Doe', 'GONZALO FUENTES; Yves Herman', 'Handout'];
    const lines = ['', 'AP', 'POOL/AFP via Getty Images', 'HANDOUT/AFP', 'Jane Doe/AFP'];
    const patterns = ['{creator}/{agency}', '({creator}) {agency}', 'Photo: {agency}', 'by {creator}', '{agency}'];
    for (const pattern of patterns) {
      for (const creator of creators) {
        for (const creditLine of lines) {
          const input: CreditInput = { creator, creditLine, source: 'Reuters' };
          const built = buildCredit(input, style(pattern, { handoutPattern: pattern }));
          expect(built.parts.map((part) => part.text).join(''), JSON.stringify({ pattern, input })).toBe(built.text);
          expect(built.parts.every((part) => part.text.length > 0)).toBe(true);
          expect(built.text).toBe(built.text.trim());
        }
      }
    }
  });
});

describe('creator names', () => {
  it('name-cases names written in capitals and leaves mixed case alone', () => {
    expect(nameCase('GONZALO FUENTES')).toBe('Gonzalo Fuentes');
    expect(nameCase('JOSÉ GARCÍA')).toBe('José García');
    expect(nameCase('JEAN-PIERRE MULLER')).toBe('Jean-Pierre Muller');
    expect(nameCase("CONOR O'NEILL")).toBe("Conor O'Neill");
    expect(nameCase('RONALD MCDONALD')).toBe('Ronald McDonald');
    expect(nameCase('VINCENT VAN GOGH')).toBe('Vincent van Gogh');
    expect(nameCase('J.R. SMITH')).toBe('J.R. Smith');
    expect(nameCase('Yves Herman')).toBe('Yves Herman');
    expect(nameCase('danah boyd')).toBe('danah boyd');
    expect(nameCase('Ronald MacDONALD')).toBe('Ronald MacDONALD');
    expect(nameCase('')).toBe('');
  });

  it('splits several creators on ";", drops repeats, and joins them in the credit', () => {
    expect(creatorNames('GONZALO FUENTES; Yves Herman;; gonzalo fuentes')).toEqual(['Gonzalo Fuentes', 'Yves Herman']);
    expect(credit('Jane Doe; John Roe', 'AFP').text).toBe('Jane Doe and John Roe/AFP');
    expect(credit('A Ant; B Bee; C Cee', 'AFP').text).toBe('A Ant, B Bee and C Cee/AFP');
  });
});

describe('checkCreditStyle', () => {
  it('accepts the default style', () => {
    expect(checkCreditStyle(DEFAULT_CREDIT_STYLE)).toEqual({ ok: true, style: DEFAULT_CREDIT_STYLE });
  });

  it('names the field of each schema problem', () => {
    const result = checkCreditStyle({ ...DEFAULT_CREDIT_STYLE, pattern: '', aliases: [{ from: 'REUTERS', to: '' }] });
    expect(result).toEqual({ ok: false, errors: { pattern: 'Required.', 'aliases.0.to': 'Required.' } });
  });

  it('names the field of each pattern problem, and repeated agencies', () => {
    const result = checkCreditStyle({
      ...DEFAULT_CREDIT_STYLE,
      handoutPattern: 'Handout/{source}',
      agencyRules: [
        { agency: 'AP', pattern: 'AP Photo/{creator}' },
        { agency: 'ap', pattern: '{creator' },
      ],
      aliases: [...DEFAULT_CREDIT_STYLE.aliases, { from: 'reuters', to: 'REUTERS' }],
    });
    expect(result.ok).toBe(false);
    const errors = result.ok ? {} : result.errors;
    expect(errors.handoutPattern).toMatch(/Unknown placeholder \{source\}/);
    expect(errors['agencyRules.1.pattern']).toMatch(/brace/);
    expect(errors['agencyRules.1.agency']).toMatch(/already has a rule/);
    expect(errors[`aliases.${DEFAULT_CREDIT_STYLE.aliases.length}.from`]).toMatch(/already has an alias/);
    expect(Object.keys(errors)).toHaveLength(4);
  });

  it('refuses a default pattern without placeholders and over-long text', () => {
    const fixed = checkCreditStyle({ ...DEFAULT_CREDIT_STYLE, pattern: 'Staff photo' });
    expect(fixed.ok === false && fixed.errors.pattern).toMatch(/needs \{creator\}, \{agency\}/);
    const long = checkCreditStyle({ ...DEFAULT_CREDIT_STYLE, pattern: `{creator}${'x'.repeat(300)}` });
    expect(long.ok === false && long.errors.pattern).toBe('At most 200 characters.');
    expect(checkCreditStyle('not a style').ok).toBe(false);
  });

  it('reports pattern problems on their own', () => {
    expect(patternProblem('{creator}/{agency}')).toBeNull();
    expect(patternProblem('{Creator}/{AGENCY}')).toBeNull();
    expect(patternProblem('{name}')).toMatch(/Unknown placeholder \{name\}/);
    expect(patternProblem('{creator}/{agency')).toMatch(/brace/);
  });
});
