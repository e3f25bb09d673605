import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inOneHour, isoOfLocalInput, localInputOfIso, readableTime, tomorrowAt, zoneLabel, zoneName } from '../../../renderer/src/features/feeds/timing-fields';

// The schedule dialog's datetime-local fields hold local wall-clock time; the model stores ISO times
// with an offset. Node applies a change of process.env.TZ at once, so the zone can be set per suite.

function inZone(zone: string, body: () => void): void {
  describe(`in ${zone}`, () => {
    let saved: string | undefined;
    beforeAll(() => {
      saved = process.env.TZ;
      process.env.TZ = zone;
    });
    afterAll(() => {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    });
    body();
  });
}

inZone('Europe/Berlin', () => {
  it('reads a winter and a summer time with their own offsets', () => {
    expect(isoOfLocalInput('2025-01-15T06:00')).toEqual({ ok: true, iso: '2025-01-15T06:00:00+01:00', shifted: false });
    expect(isoOfLocalInput('2025-07-15T06:00')).toEqual({ ok: true, iso: '2025-07-15T06:00:00+02:00', shifted: false });
  });

  it('gives back the same wall-clock time it read, either side of a change of offset', () => {
    for (const local of ['2025-03-30T01:59', '2025-03-30T03:00', '2025-10-26T01:30', '2025-10-26T03:00', '2024-02-29T23:59']) {
      const reading = isoOfLocalInput(local);
      expect(reading.ok && localInputOfIso(reading.iso)).toBe(local);
    }
  });

  it('reads a time the clocks skip (spring forward) as the time after the jump, and says so', () => {
    // On 30 March 2025 the clocks go from 02:00 straight to 03:00.
    const reading = isoOfLocalInput('2025-03-30T02:30');
    expect(reading).toEqual({ ok: true, iso: '2025-03-30T03:30:00+02:00', shifted: true });
    expect(Date.parse('2025-03-30T03:30:00+02:00') - Date.parse('2025-03-30T01:30:00+01:00')).toBe(60 * 60 * 1000);
  });

  it('reads a time that happens twice (fall back) as the first of the two', () => {
    // On 26 October 2025 02:30 happens at +02:00 and again an hour later at +01:00.
    expect(isoOfLocalInput('2025-10-26T02:30')).toEqual({ ok: true, iso: '2025-10-26T02:30:00+02:00', shifted: false });
  });

  it('shows ISO times from any zone in the local clock', () => {
    expect(localInputOfIso('2025-06-01T04:00:00Z')).toBe('2025-06-01T06:00');
    expect(localInputOfIso('2025-06-01T00:00:00-04:00')).toBe('2025-06-01T06:00');
    expect(localInputOfIso('2025-12-01T05:00:00.000Z')).toBe('2025-12-01T06:00');
  });

  it('names the zone with its offset at that moment', () => {
    expect(zoneLabel(new Date('2025-01-15T12:00:00Z'))).toBe('Europe/Berlin (UTC+01:00)');
    expect(zoneLabel(new Date('2025-07-15T12:00:00Z'))).toBe('Europe/Berlin (UTC+02:00)');
  });

  it('spells a time out with the offset of its own day, not of today', () => {
    expect(zoneName()).toBe('Europe/Berlin');
    expect(readableTime('2030-06-01T08:00:00+02:00')).toMatch(/2030.*08:00.*\(UTC\+02:00\)$/);
    expect(readableTime('2030-01-15T08:00:00+01:00')).toMatch(/2030.*08:00.*\(UTC\+01:00\)$/);
    expect(readableTime(null)).toBe('');
  });

  it('offers tomorrow 6:00 in local time, across the change to summer time', () => {
    const tomorrow = tomorrowAt(new Date('2025-03-29T20:00:00+01:00'), 6);
    expect(tomorrow.toISOString()).toBe('2025-03-30T04:00:00.000Z'); // 06:00 CEST
  });
});

inZone('America/New_York', () => {
  it('writes negative offsets', () => {
    expect(isoOfLocalInput('2025-11-02T12:00')).toEqual({ ok: true, iso: '2025-11-02T12:00:00-05:00', shifted: false });
    expect(isoOfLocalInput('2025-03-09T02:15')).toEqual({ ok: true, iso: '2025-03-09T03:15:00-04:00', shifted: true });
  });
});

inZone('Asia/Kolkata', () => {
  it('writes offsets with minutes', () => {
    expect(isoOfLocalInput('2025-06-01T06:00')).toEqual({ ok: true, iso: '2025-06-01T06:00:00+05:30', shifted: false });
    // ICU versions spell this zone Asia/Kolkata or Asia/Calcutta; the offset is what matters.
    expect(zoneLabel(new Date('2025-06-01T00:00:00Z'))).toMatch(/^Asia\/\w+ \(UTC\+05:30\)$/);
  });
});

inZone('UTC', () => {
  it('writes +00:00 and names the zone UTC', () => {
    expect(isoOfLocalInput('2025-06-01T06:00')).toEqual({ ok: true, iso: '2025-06-01T06:00:00+00:00', shifted: false });
    expect(zoneLabel(new Date('2025-06-01T00:00:00Z'))).toBe('UTC');
  });

  it('rounds "in 1 hour" up to the next five minutes', () => {
    expect(inOneHour(new Date('2025-06-01T10:02:30Z')).toISOString()).toBe('2025-06-01T11:05:00.000Z');
    expect(inOneHour(new Date('2025-06-01T10:55:00Z')).toISOString()).toBe('2025-06-01T11:55:00.000Z');
  });
});

describe('empty and malformed input', () => {
  it('reads an empty field as no time', () => {
    expect(isoOfLocalInput('')).toEqual({ ok: true, iso: null, shifted: false });
    expect(isoOfLocalInput('   ')).toEqual({ ok: true, iso: null, shifted: false });
    expect(localInputOfIso(null)).toBe('');
    expect(localInputOfIso('')).toBe('');
    expect(localInputOfIso('not a time')).toBe('');
  });

  it('refuses text that is not a date and time, and days the calendar does not have', () => {
    expect(isoOfLocalInput('tomorrow')).toMatchObject({ ok: false });
    expect(isoOfLocalInput('2025-06-01')).toMatchObject({ ok: false });
    expect(isoOfLocalInput('2025-13-01T06:00')).toMatchObject({ ok: false });
    expect(isoOfLocalInput('2025-04-31T06:00')).toEqual({ ok: false, message: 'That date does not exist.' });
    expect(isoOfLocalInput('2025-02-29T06:00')).toMatchObject({ ok: false });
    expect(isoOfLocalInput('2025-06-01T24:00')).toMatchObject({ ok: false });
  });

  it('accepts seconds, as some browsers write them', () => {
    const reading = isoOfLocalInput('2025-06-01T06:00:30');
    expect(reading.ok && reading.iso?.slice(0, 19)).toBe('2025-06-01T06:00:30');
  });
});
