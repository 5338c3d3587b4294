import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { addDays, isCalendarDate, localToUtc, startOfDay, todayIn, utcToLocal } from './time';

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

  it('reads a wall-clock time in a zone as UTC, across daylight saving', () => {
    assert.equal(localToUtc('2026-12-01T09:30', 'America/Chicago'), '2026-12-01T15:30:00.000Z');
    assert.equal(localToUtc('2026-07-01T09:30', 'America/Chicago'), '2026-07-01T14:30:00.000Z');
    assert.equal(localToUtc('2026-07-01T09:30', 'UTC'), '2026-07-01T09:30:00.000Z');
    assert.equal(utcToLocal('2026-07-01T14:30:00.000Z', 'America/Chicago'), '2026-07-01T09:30');
    for (const bad of ['', 'tomorrow', '2026-02-30T10:00', '2026-13-01T10:00', '2026-01-01T24:00', '2026-01-01 10:00']) {
      assert.equal(localToUtc(bad, 'UTC'), undefined, bad);
    }
  });

  it('finds the instant a day starts in a zone', () => {
    assert.equal(startOfDay('2017-03-01', 'America/Boise'), '2017-03-01T07:00:00.000Z');
    assert.equal(startOfDay('2017-02-30', 'America/Boise'), undefined);
  });
});
