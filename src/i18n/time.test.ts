import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { addDays, isCalendarDate, localToUtc, startOfDay, todayIn, utcToLocal } from './time';
import { formatDateTime } from './format';

describe('time', () => {
  it('knows real calendar days', () => {
    assert.equal(isCalendarDate('2016-02-29'), true);
    assert.equal(isCalendarDate('2017-02-29'), false);
    assert.equal(isCalendarDate('2017-13-01'), false);
    assert.equal(isCalendarDate('17-1-1'), false);
    assert.equal(isCalendarDate('2017-01-01T00:00'), false);
  });

  it('moves days across months and years', () => {
    assert.equal(addDays('2016-12-31', 1), '2017-01-01');
    assert.equal(addDays('2016-03-01', -1), '2016-02-29');
  });

  it('tells today in a time zone, not in UTC', () => {
    // 03:00 UTC on 1 March is still 28 February in Idaho.
    assert.equal(todayIn('America/Boise', new Date('2017-03-01T03:00:00Z')), '2017-02-28');
    assert.equal(todayIn('UTC', new Date('2017-03-01T03:00:00Z')), '2017-03-01');
  });

  it('reads a wall-clock time in a zone as UTC, in winter and in summer', () => {
    assert.equal(localToUtc('2026-12-01T09:30', 'America/Chicago'), '2026-12-01T15:30:00.000Z');
    assert.equal(localToUtc('2026-07-01T09:30', 'America/Chicago'), '2026-07-01T14:30:00.000Z');
    assert.equal(localToUtc('2026-07-01T09:30', 'UTC'), '2026-07-01T09:30:00.000Z');
    assert.equal(localToUtc('2026-07-01T09:30:15', 'America/Chicago'), '2026-07-01T14:30:15.000Z');
    assert.equal(utcToLocal('2026-07-01T14:30:00.000Z', 'America/Chicago'), '2026-07-01T09:30');
    for (const bad of ['', 'tomorrow', '2026-02-30T10:00', '2026-13-01T10:00', '2026-01-01T24:00', '2026-01-01 10:00', '2026-01-01T10:00:61']) {
      assert.equal(localToUtc(bad, 'UTC'), undefined, bad);
    }
  });

  it('finds the instant a day starts in a zone', () => {
    assert.equal(startOfDay('2017-03-01', 'America/Boise'), '2017-03-01T07:00:00.000Z');
    assert.equal(startOfDay('2017-02-30', 'America/Boise'), undefined);
  });

  /*
   * US clocks change at 02:00 local time: on 8 March 2026 they jump to 03:00,
   * on 1 November 2026 they fall back to 01:00. Arizona (Phoenix) and Hawaii
   * keep standard time all year.
   */
  const US_ZONES = [
    // zone, a time skipped in March → its instant, a time repeated in November → the earlier instant
    { zone: 'America/New_York', gap: '2026-03-08T07:30:00.000Z', overlap: '2026-11-01T05:30:00.000Z' },
    { zone: 'America/Chicago', gap: '2026-03-08T08:30:00.000Z', overlap: '2026-11-01T06:30:00.000Z' },
    { zone: 'America/Denver', gap: '2026-03-08T09:30:00.000Z', overlap: '2026-11-01T07:30:00.000Z' },
    { zone: 'America/Phoenix', gap: '2026-03-08T09:30:00.000Z', overlap: '2026-11-01T08:30:00.000Z' },
    { zone: 'America/Los_Angeles', gap: '2026-03-08T10:30:00.000Z', overlap: '2026-11-01T08:30:00.000Z' },
    { zone: 'America/Anchorage', gap: '2026-03-08T11:30:00.000Z', overlap: '2026-11-01T09:30:00.000Z' },
    { zone: 'Pacific/Honolulu', gap: '2026-03-08T12:30:00.000Z', overlap: '2026-11-01T11:30:00.000Z' },
  ];
  const KEEPS_STANDARD_TIME = ['America/Phoenix', 'Pacific/Honolulu'];

  it('moves a time skipped when clocks go forward to the same time after the jump, in every US zone', () => {
    for (const { zone, gap } of US_ZONES) {
      assert.equal(localToUtc('2026-03-08T02:30', zone), gap, zone);
      // 02:30 read as 03:30 daylight time (or as itself where clocks do not change).
      const expected = KEEPS_STANDARD_TIME.includes(zone) ? '2026-03-08T02:30' : '2026-03-08T03:30';
      assert.equal(utcToLocal(gap, zone), expected, zone);
      // The minutes either side of the jump are one minute apart in UTC, where clocks change.
      const before = Date.parse(localToUtc('2026-03-08T01:59', zone)!);
      const after = Date.parse(localToUtc('2026-03-08T03:00', zone)!);
      assert.equal(after - before, (KEEPS_STANDARD_TIME.includes(zone) ? 61 : 1) * 60_000, zone);
    }
  });

  it('takes the earlier of a time repeated when clocks go back, in every US zone', () => {
    for (const { zone, overlap } of US_ZONES) {
      assert.equal(localToUtc('2026-11-01T01:30', zone), overlap, zone);
      assert.equal(utcToLocal(overlap, zone), '2026-11-01T01:30', zone);
      // An hour later in UTC the clock shows 01:30 again where it fell back.
      const later = new Date(Date.parse(overlap) + 3_600_000).toISOString();
      assert.equal(utcToLocal(later, zone), KEEPS_STANDARD_TIME.includes(zone) ? '2026-11-01T02:30' : '2026-11-01T01:30', zone);
      // Times outside the change read back as themselves.
      for (const local of ['2026-11-01T00:59', '2026-11-01T02:00', '2026-03-08T01:59', '2026-03-08T03:00', '2026-07-04T12:00']) {
        assert.equal(utcToLocal(localToUtc(local, zone)!, zone), local, `${zone} ${local}`);
      }
    }
  });

  it('formats instants either side of a clock change in the zone\'s own time', () => {
    const zone = 'America/New_York';
    assert.equal(utcToLocal('2026-03-08T06:59:00.000Z', zone), '2026-03-08T01:59');
    assert.equal(utcToLocal('2026-03-08T07:00:00.000Z', zone), '2026-03-08T03:00');
    assert.match(formatDateTime('2026-03-08T06:59:00.000Z', 'en', zone), /^Mar 8, 2026, 1:59\sAM$/);
    assert.match(formatDateTime('2026-03-08T07:00:00.000Z', 'en', zone), /^Mar 8, 2026, 3:00\sAM$/);
    assert.equal(utcToLocal('2026-11-01T05:59:00.000Z', zone), '2026-11-01T01:59');
    assert.equal(utcToLocal('2026-11-01T06:00:00.000Z', zone), '2026-11-01T01:00');
    assert.match(formatDateTime('2026-11-01T05:59:00.000Z', 'en', zone), /^Nov 1, 2026, 1:59\sAM$/);
    assert.match(formatDateTime('2026-11-01T06:00:00.000Z', 'en', zone), /^Nov 1, 2026, 1:00\sAM$/);
    assert.equal(utcToLocal('2026-03-08T09:30:00.000Z', 'America/Phoenix'), '2026-03-08T02:30');
    assert.equal(utcToLocal('2026-11-01T12:00:00.000Z', 'Pacific/Honolulu'), '2026-11-01T02:00');
  });

  it('starts a day at its first moment, even where a clock change skips midnight', () => {
    assert.equal(startOfDay('2026-03-08', 'America/New_York'), '2026-03-08T05:00:00.000Z');
    assert.equal(startOfDay('2026-11-02', 'America/New_York'), '2026-11-02T05:00:00.000Z');
    // Chile moves its clocks at midnight: 6 September 2026 begins at 01:00.
    assert.equal(startOfDay('2026-09-06', 'America/Santiago'), '2026-09-06T04:00:00.000Z');
  });
});
