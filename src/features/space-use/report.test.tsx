import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'csv-parse/sync';
import { createTestApp, type TestApp } from '../../../tests/support/app';
import { TestClient } from '../../../tests/support/client';
import { makeLibrary, makePerson } from '../../../tests/support/factories';
import { byRole, fieldError, parseHtml, tableRows, textOf } from '../../../tests/support/html';
import { newId } from '../../db/ids';
import { intlTag } from '../../i18n';
import { addDays, localToUtc } from '../../i18n/time';
import type { WorkspaceLibrary } from '../workspace/contracts';
import { reportCsvPath, reportPath, sweepsCsvPath, type ReportQuery } from './report-urls';
import type { Space } from './service';
import { studentTQuantile } from './statistics';
import { spaceUsePath } from './urls';

const TIME_ZONE = 'America/Chicago';

/** A sweep as the test generated it: when, and people per zone (null: not observed). */
interface Generated {
  startedAt: string;
  benches: number | null;
  tables: number | null;
}

/** A small deterministic generator, so the data (and so every expected figure) is the same on every run. */
function numbers(seed: number) {
  let state = seed;
  return (below: number) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    // The high bits: an LCG's low bits repeat with a short period.
    return (state >>> 16) % below;
  };
}

/** Weekday and hour on Chicago's wall clock, read through Intl rather than the report's own Temporal code. */
const wallClock = new Intl.DateTimeFormat('en-US', { timeZone: TIME_ZONE, weekday: 'short', hour: '2-digit', hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit' });
function local(instant: string) {
  const parts = Object.fromEntries(wallClock.formatToParts(new Date(instant)).map((p) => [p.type, p.value]));
  return { day: `${parts.year}-${parts.month}-${parts.day}`, hourKey: `${parts.weekday} ${parts.hour}` };
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
const average = (values: number[]) => sum(values) / values.length;
const variance = (values: number[]) => sum(values.map((v) => (v - average(values)) ** 2)) / (values.length - 1);

/** The figures the report should show, worked out here from the generated counts. */
function expected(sweeps: Generated[], periods: Required<Omit<ReportQuery, 'zone'>>, zone?: 'benches') {
  const people = (s: Generated) => {
    const seen = (zone ? [s.benches] : [s.benches, s.tables]).filter((p): p is number => p !== null);
    return seen.length ? sum(seen) : undefined;
  };
  const inPeriod = (from: string, to: string) =>
    sweeps.flatMap((s) => {
      const p = people(s);
      const { day, hourKey } = local(s.startedAt);
      return p !== undefined && day >= from && day <= to ? [{ people: p, hourKey }] : [];
    });
  const allBefore = inPeriod(periods.beforeFrom, periods.beforeTo);
  const allAfter = inPeriod(periods.afterFrom, periods.afterTo);
  const shared = new Set(allBefore.map((s) => s.hourKey).filter((h) => allAfter.some((a) => a.hourKey === h)));
  const b = allBefore.filter((s) => shared.has(s.hourKey)).map((s) => s.people);
  const a = allAfter.filter((s) => shared.has(s.hourKey)).map((s) => s.people);
  const difference = average(a) - average(b);
  const shareB = variance(b) / b.length;
  const shareA = variance(a) / a.length;
  const df = (shareB + shareA) ** 2 / (shareB ** 2 / (b.length - 1) + shareA ** 2 / (a.length - 1));
  const margin = studentTQuantile(0.975, df) * Math.sqrt(shareB + shareA);
  return { allBefore, allAfter, b, a, meanBefore: average(b), meanAfter: average(a), difference, low: difference - margin, high: difference + margin };
}

const oneDecimal = (value: number, signed = false) =>
  new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: signed ? 'exceptZero' : 'auto' }).format(value);

/** The CSV body without its byte-order mark, parsed into rows. */
function csvRows(body: string): string[][] {
  assert.equal(body.charCodeAt(0), 0xfeff, 'the export starts with a byte-order mark');
  return parse(body.slice(1)) as string[][];
}

const PERIODS = { beforeFrom: '2026-09-07', beforeTo: '2026-10-31', afterFrom: '2026-11-01', afterTo: '2026-11-29' };

describe('space-use report', () => {
  let t: TestApp;
  let library: WorkspaceLibrary;
  let staff: TestClient;
  let space: Space;
  const generated: Generated[] = [];

  async function clientOf(person: { id: string }): Promise<TestClient> {
    const { token } = await t.app.services.accounts.createSession(person.id, { userAgent: 'test', ipAddress: '127.0.0.1' });
    const client = new TestClient(t.app);
    client.setCookie('ss_session', token);
    return client;
  }

  async function record(startedAt: string, benches: number | null, tables: number | null, note = '') {
    const outcome = await t.app.services.spaceUse.recordSweep(
      library.id,
      {
        id: newId(),
        spaceId: space.id,
        startedAt,
        endedAt: null,
        note,
        counts: [
          { zoneId: space.zones[0]!.id, people: benches },
          { zoneId: space.zones[1]!.id, people: tables },
        ],
        confirmedHigh: false,
      },
      null,
    );
    assert.equal(outcome.status, 'stored');
    generated.push({ startedAt, benches, tables });
  }

  before(async () => {
    t = await createTestApp();
    const made = await makeLibrary(t.app, { name: 'Report Library' });
    assert.equal(made.timeZone, TIME_ZONE);
    library = { id: made.id, slug: made.slug, name: made.name, timeZone: made.timeZone };
    staff = await clientOf(await makePerson(t.app, { role: 'staff', libraryId: library.id }));
    space = await t.app.services.spaceUse.createSpace(library.id, { name: 'Makerspace', zones: [{ name: 'Benches', capacity: 10 }, { name: 'Tables', capacity: 20 }] });

    // Mondays at 14:00, Wednesdays at 16:00 and Sundays at 01:30 in both
    // periods; Saturdays at 10:00 only before and Sundays at 12:00 only after,
    // which the comparison must leave out.
    const next = numbers(20261101);
    let i = 0;
    for (let day = '2026-09-07'; day <= PERIODS.afterTo; day = addDays(day, 1)) {
      const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
      const isAfter = day >= PERIODS.afterFrom;
      const times = { 1: ['14:00'], 3: ['16:00'], 0: isAfter ? ['01:30', '12:00'] : ['01:30'], 6: isAfter ? [] : ['10:00'] }[weekday] ?? [];
      for (const time of times) {
        i += 1;
        const benches = i % 11 === 5 ? null : next(8) + (isAfter ? 3 : 0);
        const tables = i % 7 === 3 && i % 11 !== 5 ? null : next(12) + (isAfter ? 2 : 0);
        await record(localToUtc(`${day}T${time}`, TIME_ZONE)!, benches, tables);
      }
    }
    // 1 November 2026 is the day Chicago's clocks go back: 01:30 happens
    // twice, first in daylight time, then an hour later in standard time.
    const firstPass = localToUtc('2026-11-01T01:30', TIME_ZONE)!;
    assert.equal(firstPass, '2026-11-01T06:30:00.000Z');
    await record('2026-11-01T07:30:00.000Z', 9, 4);
    // A sweep where no zone was looked at is no sweep of nobody: it stays out of every figure.
    await record(localToUtc('2026-09-09T16:30', TIME_ZONE)!, null, null, '=HYPERLINK("http://example.org")');
  });
  after(() => t.close());

  async function reportCsv(query: ReportQuery) {
    const response = await staff.get(reportCsvPath(library, space.id, query));
    assert.equal(response.statusCode, 200);
    assert.match(String(response.headers['content-type']), /^text\/csv/);
    return new Map(csvRows(response.body).map((row) => [row[0]!, row.slice(1)]));
  }

  it('links to the report from the spaces page, and says the periods halve the sweeps’ dates when no milestone names the transformation', async () => {
    const spaces = parseHtml((await staff.get(spaceUsePath(library))).body);
    assert.equal(byRole(spaces, 'link', { name: 'Report on Makerspace' }).attribs.href, reportPath(library, space.id));

    const response = await staff.get(reportPath(library, space.id));
    assert.equal(response.statusCode, 200);
    assert.match(response.body, /first and second half of the dates with sweeps/);
    // 7 September to 29 November is 83 days: the first half ends on 18 October.
    assert.match(response.body, /name="beforeFrom" type="date" value="2026-09-07"/);
    assert.match(response.body, /name="beforeTo" type="date" value="2026-10-18"/);
    assert.match(response.body, /name="afterFrom" type="date" value="2026-10-19"/);
    assert.match(response.body, /name="afterTo" type="date" value="2026-11-29"/);
  });

  it('shows people per sweep, the difference and its 95% interval at the same hours of the week, as computed from the raw counts', async () => {
    const want = expected(generated, PERIODS);
    // The Saturday and Sunday-noon sweeps are left out, the Sunday 01:30 ones kept.
    assert.ok(want.b.length < want.allBefore.length && want.a.length < want.allAfter.length);

    const rows = await reportCsv(PERIODS);
    assert.deepEqual(rows.get('Period'), ['2026-09-07 to 2026-10-31', '2026-11-01 to 2026-11-29', '', '', '']);
    assert.deepEqual(rows.get('Sweeps in the period'), [String(want.allBefore.length), String(want.allAfter.length), '', '', '']);
    assert.deepEqual(rows.get('Sweeps at the same hours of the week'), [String(want.b.length), String(want.a.length), '', '', '']);
    const figures = rows.get('Mean people per sweep')!.map(Number);
    for (const [index, value] of [want.meanBefore, want.meanAfter, want.difference, want.low, want.high].entries()) {
      assert.ok(Math.abs(figures[index]! - value) < 1e-9, `column ${index + 1}: ${figures[index]} is not ${value}`);
    }

    const response = await staff.get(reportPath(library, space.id, PERIODS));
    assert.equal(response.statusCode, 200);
    const text = textOf(parseHtml(response.body));
    assert.ok(
      text.includes(
        `At the same hours of the week, Makerspace held ${oneDecimal(want.meanBefore)} people on average before and ${oneDecimal(want.meanAfter)} after: ` +
          `${oneDecimal(want.difference, true)}, 95% CI ${oneDecimal(want.low, true)} to ${oneDecimal(want.high, true)}, from ${want.b.length} and ${want.a.length} sweeps.`,
      ),
    );
    assert.match(response.body, /The periods are the dates chosen above/);
  });

  it('limits the report to one zone, and gives each zone’s occupancy as a share of its capacity', async () => {
    const want = expected(generated, PERIODS, 'benches');
    const rows = await reportCsv({ ...PERIODS, zone: space.zones[0]!.id });
    const figures = rows.get('Mean people per sweep')!.map(Number);
    assert.ok(Math.abs(figures[0]! - want.meanBefore) < 1e-9 && Math.abs(figures[1]! - want.meanAfter) < 1e-9);
    assert.ok(Math.abs(figures[3]! - want.low) < 1e-9 && Math.abs(figures[4]! - want.high) < 1e-9);
    assert.equal(rows.has('Mean occupancy of Tables (% of 20)'), false);

    const all = await reportCsv(PERIODS);
    for (const [zone, capacity] of [['benches', 10], ['tables', 20]] as const) {
      const shares = [PERIODS.beforeFrom, PERIODS.afterFrom].map((from, n) => {
        const to = n === 0 ? PERIODS.beforeTo : PERIODS.afterTo;
        const seen = generated.filter((s) => s[zone] !== null && local(s.startedAt).day >= from && local(s.startedAt).day <= to).map((s) => s[zone]!);
        return (average(seen) / capacity) * 100;
      });
      const name = zone === 'benches' ? 'Benches' : 'Tables';
      const row = all.get(`Mean occupancy of ${name} (% of ${capacity})`)!.map(Number);
      assert.ok(Math.abs(row[0]! - shares[0]!) < 1e-9 && Math.abs(row[1]! - shares[1]!) < 1e-9, `${name}: ${row} is not ${shares}`);
      assert.ok(Math.abs(row[2]! - (shares[1]! - shares[0]!)) < 1e-9);
    }
  });

  it('counts each sweep of the day the clocks go back once, in the period and the week it belongs to', async () => {
    const rows = await reportCsv(PERIODS);
    const observed = generated.filter((s) => s.benches !== null || s.tables !== null);
    const [inBefore, inAfter] = rows.get('Sweeps in the period')!.map(Number);
    assert.equal(inBefore! + inAfter!, observed.length, 'no sweep is lost or counted in both periods');
    const onTheDay = observed.filter((s) => local(s.startedAt).day === '2026-11-01');
    assert.equal(onTheDay.length, 3);

    const page = parseHtml((await staff.get(reportPath(library, space.id, PERIODS))).body);
    const weeks = tableRows(byRole(page, 'table', { name: /Mean people per sweep in each week/ }));
    const week = weeks.find((row) => row[0] === 'Oct 26, 2026')!;
    // Monday 26, Wednesday 28 and Saturday 31 October, and the three sweeps of Sunday 1 November.
    const inWeek = observed.filter((s) => local(s.startedAt).day >= '2026-10-26' && local(s.startedAt).day <= '2026-11-01');
    assert.equal(inWeek.length, 6);
    assert.equal(week[1], '6');
    assert.equal(week[2], oneDecimal(average(inWeek.map((s) => (s.benches ?? 0) + (s.tables ?? 0)))));
    assert.equal(sum(weeks.slice(1).map((row) => Number(row[1]))), observed.length);
  });

  it('says when there are not enough sweeps to compare', async () => {
    // One Monday sweep in each period: means, but no interval.
    const single = await staff.get(reportPath(library, space.id, { beforeFrom: '2026-09-07', beforeTo: '2026-09-07', afterFrom: '2026-11-02', afterTo: '2026-11-02' }));
    assert.equal(single.statusCode, 200);
    const text = textOf(parseHtml(single.body));
    assert.match(text, /from 1 and 1 sweeps: not enough sweeps to compare, as each period needs at least two\./);
    assert.doesNotMatch(text, /95% CI [+-]/);
    // A Monday against a Wednesday: no hour of the week in common.
    const none = await staff.get(reportPath(library, space.id, { beforeFrom: '2026-09-07', beforeTo: '2026-09-07', afterFrom: '2026-11-04', afterTo: '2026-11-04' }));
    assert.match(textOf(parseHtml(none.body)), /Not enough sweeps to compare: 0 before and 0 after at the same hours of the week/);
  });

  it('refuses periods that overlap or end before they start, keeping the dates typed', async () => {
    const response = await staff.get(reportPath(library, space.id, { beforeFrom: '2026-10-01', beforeTo: '2026-09-01', afterFrom: '2026-11-01', afterTo: '2026-11-29' }));
    assert.equal(response.statusCode, 400);
    assert.equal(fieldError(response.body, 'Before: to'), 'The before period must end on or after the day it starts');
    assert.match(response.body, /name="beforeTo" type="date" value="2026-09-01"/);
    const overlap = await staff.get(reportPath(library, space.id, { ...PERIODS, afterFrom: '2026-10-31' }));
    assert.equal(overlap.statusCode, 400);
    assert.equal(fieldError(overlap.body, 'After: from'), 'The after period must not overlap the before period');
    assert.equal((await staff.get(reportCsvPath(library, space.id, { ...PERIODS, afterFrom: '2026-10-31' }))).statusCode, 400);
    // Days that are not real, or too far off to be meant, are ignored like any unknown query value.
    const odd = await staff.get(reportPath(library, space.id, { ...PERIODS, beforeFrom: '2026-02-30', afterTo: '9999-12-31' }));
    assert.equal(odd.statusCode, 200);
    assert.match(odd.body, /name="beforeFrom" type="date" value="2026-09-07"/);
    assert.match(odd.body, /name="afterTo" type="date" value="2026-11-29"/);
  });

  it('exports every sweep with its counts, blank where a zone was not observed, oldest first', async () => {
    const response = await staff.get(sweepsCsvPath(library, space.id));
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers['cache-control'], 'private, no-store');
    const [header, ...rows] = csvRows(response.body);
    assert.deepEqual(header, ['Sweep', 'Started (library time)', 'Started (UTC)', 'Layout version', 'Note', 'Benches: people', 'Tables: people']);
    const sorted = [...generated].sort((a, b) => a.startedAt.localeCompare(b.startedAt));
    assert.deepEqual(
      rows.map((r) => [r[2], r[5], r[6]]),
      sorted.map((s) => [s.startedAt, s.benches === null ? '' : String(s.benches), s.tables === null ? '' : String(s.tables)]),
    );
    const dst = rows.filter((r) => r[1] === '2026-11-01T01:30');
    assert.deepEqual(dst.map((r) => r[2]), ['2026-11-01T06:30:00.000Z', '2026-11-01T07:30:00.000Z']);
    assert.equal(rows.find((r) => r[4] !== '')?.[4], `'=HYPERLINK("http://example.org")`, 'a note is guarded against formula injection');
  });

  it('takes the periods from a plan milestone that names the transformation, and words the comparison in Spanish', async () => {
    await t.app.services.plan.createMilestone(library, { title: 'Makerspace transformation opens', dueOn: '2026-11-01', goalId: null }, null);
    const response = await staff.get(reportPath(library, space.id));
    assert.match(response.body, /before and after the plan milestone “Makerspace transformation opens” \(Nov 1, 2026\)/);
    assert.match(response.body, /name="beforeTo" type="date" value="2026-10-31"/);
    assert.match(response.body, /name="afterFrom" type="date" value="2026-11-01"/);

    const spanish = await clientOf(await makePerson(t.app, { role: 'staff', libraryId: library.id }));
    const saved = await spanish.post('/account/profile', { name: 'Rosa', locale: 'es', timeZone: TIME_ZONE });
    assert.equal(saved.statusCode, 303);
    const want = expected(generated, PERIODS);
    const es = (value: number, signed = false) =>
      new Intl.NumberFormat(intlTag('es'), { minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: signed ? 'exceptZero' : 'auto' }).format(value);
    const text = textOf(parseHtml((await spanish.get(reportPath(library, space.id))).body));
    assert.ok(
      text.includes(
        `En las mismas horas de la semana, Makerspace tuvo ${es(want.meanBefore)} personas de media antes y ${es(want.meanAfter)} después: ` +
          `${es(want.difference, true)}, IC del 95 % de ${es(want.low, true)} a ${es(want.high, true)}, a partir de ${want.b.length} y ${want.a.length} recorridos.`,
      ),
      text,
    );
  });
});
