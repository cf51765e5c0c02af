import { describe, expect, it } from 'vitest';
import { expectationSchemas, type Expectation } from '../../src/expectations/expectation-schema.js';
import { lastClosedWindow, nextWindow, windowsBetween } from '../../src/expectations/windows.js';
import { isoInZone, spanText, zonedInstant } from '../../src/expectations/zoned-time.js';
import { inQuietHours, parseQuietHours, quietHoursEnd, type QuietHours } from '../../src/routing/quiet-hours.js';
import { lastDigestSlot } from '../../src/digest/digest-slots.js';
import { digestSchema } from '../../src/digest/digest-schema.js';

const exp = (raw: Record<string, unknown>): Expectation =>
  expectationSchemas().expectation.parse({ id: 'e', category: 'export_statistics', ...raw });
const at = (iso: string) => Date.parse(iso);
const ends = (e: Expectation, from: string, to: string) =>
  windowsBetween(e, at(from), at(to)).map((w) => [w.endIso, w.period]);

describe('expectation windows in their time zone', () => {
  it('monthly day windows are inclusive and end at the end of the last day; skipped months have none', () => {
    const e = exp({
      metric: 'rare_earth_exports',
      period: 'previous-month',
      window: { monthly: { from: 7, to: 14, skip: [2] } },
    });
    expect(ends(e, '2026-12-01T00:00:00Z', '2027-04-01T00:00:00Z')).toEqual([
      ['2026-12-15T00:00:00+08:00', '2026-11'],
      ['2027-01-15T00:00:00+08:00', '2026-12'],
      ['2027-03-15T00:00:00+08:00', '2027-02'],
    ]);
    const dec = lastClosedWindow(e, at('2026-12-14T15:59:59Z'), 40 * 86_400_000)!;
    expect(dec.endIso).toBe('2026-11-15T00:00:00+08:00'); // 14 Dec 23:59:59 CST: December's is still open
    expect(nextWindow(e, at('2026-12-14T15:59:59Z'))!.start).toBe(at('2026-12-07T00:00:00+08:00'));
  });

  it('a last day past the end of the month is the month’s last day', () => {
    const e = exp({ window: { monthly: { from: 25, to: 31 } } });
    expect(ends(e, '2027-02-01T00:00:00Z', '2027-03-02T00:00:00Z')).toEqual([['2027-03-01T00:00:00+08:00', null]]);
  });

  it('yearly windows resolve this-year and next-year', () => {
    const e = exp({ metric: 'mining_quota', period: 'next-year', batch: 1, window: { yearly: { by: '03-31' } } });
    expect(ends(e, '2026-01-01T00:00:00Z', '2027-12-31T00:00:00Z')).toEqual([
      ['2026-04-01T00:00:00+08:00', '2027'],
      ['2027-04-01T00:00:00+08:00', '2028'],
    ]);
  });

  it('weekly windows run from one weekday to another, in the zone', () => {
    const e = exp({ window: { weekly: { from: 'thu', to: 'fri' } }, timezone: 'Europe/London' });
    const [w] = windowsBetween(e, at('2026-12-05T01:00:00Z'), at('2026-12-12T12:00:00Z'));
    expect(isoInZone(w!.start, 'Europe/London')).toBe('2026-12-10T00:00:00+00:00');
    expect(w!.endIso).toBe('2026-12-12T00:00:00+00:00');
    const summer = windowsBetween(e, at('2026-07-01T00:00:00Z'), at('2026-07-05T00:00:00Z'));
    expect(summer.map((x) => x.endIso)).toEqual(['2026-07-04T00:00:00+01:00']);
  });

  it('a by: date-time is read in the zone unless it carries an offset; literal periods stay as written', () => {
    const local = exp({ metric: 'x', period: '2026', window: { by: '2026-12-31T18:00' } });
    const offset = exp({ window: { by: '2026-12-31T18:00:00Z' } });
    expect(ends(local, '2026-12-01T00:00:00Z', '2027-01-01T00:00:00Z')).toEqual([
      ['2026-12-31T18:00:00+08:00', '2026'],
    ]);
    expect(ends(offset, '2026-12-01T00:00:00Z', '2027-01-02T00:00:00Z')).toEqual([['2027-01-01T02:00:00+08:00', null]]);
  });

  it('zoned instants across a DST change, and spans as people say them', () => {
    expect(zonedInstant('Europe/London', 2026, 3, 29, 1, 30)).toBe(at('2026-03-29T01:30:00Z')); // 01:30 does not exist: 02:30 BST
    expect(zonedInstant('Europe/London', 2026, 10, 25, 12)).toBe(at('2026-10-25T12:00:00Z'));
    expect([
      spanText(3 * 86_400_000 + 4 * 3_600_000 + 59_000),
      spanText(5 * 3_600_000 + 12 * 60_000),
      spanText(40 * 60_000),
    ]).toEqual(['3d 4h', '5h 12m', '40m']);
  });
});

describe('quiet hours and digest times', () => {
  const q = parseQuietHours('22:00-07:00 Europe/London') as QuietHours;

  it('spans midnight in the zone, and says when they end', () => {
    expect(inQuietHours(q, at('2026-12-09T21:59:00Z'))).toBe(false);
    expect(inQuietHours(q, at('2026-12-09T22:00:00Z'))).toBe(true);
    expect(inQuietHours(q, at('2026-12-10T06:59:00Z'))).toBe(true);
    expect(quietHoursEnd(q, at('2026-12-09T23:00:00Z'))).toBe(at('2026-12-10T07:00:00Z'));
    expect(quietHoursEnd(q, at('2026-07-01T21:30:00Z'))).toBe(at('2026-07-02T06:00:00Z'));
    expect(parseQuietHours('13:00-14:00')).toEqual({ from: 780, to: 840, timezone: 'UTC' });
  });

  it('a weekly digest covers the week before its sending time', () => {
    const d = digestSchema.parse({ every: 'weekly', day: 'mon', at: '08:00', timezone: 'Asia/Shanghai' });
    const slot = lastDigestSlot(d, at('2026-12-09T12:00:00Z')); // a Wednesday
    expect([isoInZone(slot.from, 'Asia/Shanghai'), isoInZone(slot.at, 'Asia/Shanghai')]).toEqual([
      '2026-11-30T08:00:00+08:00',
      '2026-12-07T08:00:00+08:00',
    ]);
    const daily = digestSchema.parse({ every: 'daily', at: '08:00', timezone: 'Europe/London' });
    expect(lastDigestSlot(daily, at('2026-12-10T07:59:00Z')).at).toBe(at('2026-12-09T08:00:00Z'));
  });
});
