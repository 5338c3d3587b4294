import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from '../../../tests/support/app';
import { journeyContext } from '../../../tests/support/journeys';
import { addDays } from '../../i18n/time';
import type { JourneyContext } from './context';
import { DEMO_SPACES, plannedSweeps, seedDemoSpaceUse, seededRandom, WEEKS_EACH_SIDE } from './space-use';

describe('space-use demo data', () => {
  let t: TestApp;
  let context: JourneyContext;
  const journeys = () => [
    { library: context.glennsFerry, demo: DEMO_SPACES.glennsFerry },
    { library: context.madison, demo: DEMO_SPACES.madison },
    { library: context.ignacio, demo: DEMO_SPACES.ignacio },
  ];

  before(async () => {
    t = await createTestApp();
    context = await journeyContext(t.app);
    await seedDemoSpaceUse(t.app.services, context);
  });
  after(() => t.close());

  it('gives each journey library one space of three or four zones, swept for half a year on each side of its opening', async () => {
    const { spaceUse, spaceReports } = t.app.services;
    for (const { library, demo } of journeys()) {
      const spaces = await spaceUse.listSpaces(library.id);
      assert.equal(spaces.length, 1);
      const [space] = spaces;
      assert.ok(space!.zones.length >= 3 && space!.zones.length <= 4, `${library.name} has ${space!.zones.length} zones`);
      assert.ok(space!.zones.every((zone) => zone.capacity >= 3));
      // Two days a week, three sweeps a day, 26 weeks each side.
      assert.equal(await spaceUse.countSweeps(library.id), WEEKS_EACH_SIDE * 2 * 2 * 3);
      // Sweeps fall on set weekdays, so the first and last come within a week of the year's ends.
      const days = (await spaceReports.sweepDays(library.id, space!.id, library.timeZone))!;
      const first = addDays(demo.opensOn, -7 * WEEKS_EACH_SIDE);
      const last = addDays(demo.opensOn, 7 * WEEKS_EACH_SIDE - 1);
      assert.ok(days.from >= first && days.from < addDays(first, 7), `${library.name} starts on ${days.from}`);
      assert.ok(days.to <= last && days.to > addDays(last, -7), `${library.name} ends on ${days.to}`);
    }
  });

  it('stores exactly the planned counts, the same on every start, with zeros and zones not observed', async () => {
    const { spaceUse, spaceReports } = t.app.services;
    for (const { library, demo } of journeys()) {
      const planned = plannedSweeps(library, demo);
      assert.deepEqual(plannedSweeps(library, demo), planned, 'the same plan twice');
      const [space] = await spaceUse.listSpaces(library.id);
      const stored = [];
      for await (const sweep of spaceReports.rawSweeps(library.id, space!)) stored.push({ startedAt: sweep.startedAt, people: sweep.people });
      assert.deepEqual(stored, planned);
      const counts = planned.flatMap((sweep) => sweep.people);
      const missing = counts.filter((people) => people === null).length;
      assert.ok(missing > 0 && missing < counts.length * 0.1, `${library.name}: ${missing} zones not observed`);
      assert.ok(counts.some((people) => people === 0), `${library.name} has zeros`);
      const zones = space!.zones;
      assert.ok(planned.every((sweep) => sweep.people.every((people, n) => people === null || (people >= 0 && people <= zones[n]!.capacity))));
    }
    assert.notDeepEqual(plannedSweeps(context.glennsFerry, DEMO_SPACES.madison), plannedSweeps(context.madison, DEMO_SPACES.madison), 'each library has its own counts');
    const random = seededRandom(42);
    const again = seededRandom(42);
    assert.deepEqual([random(), random(), random()], [again(), again(), again()]);
  });

  it('shows use clearly rising after the opening in each space’s report', async () => {
    const { spaceUse, spaceReports } = t.app.services;
    for (const { library, demo } of journeys()) {
      const [space] = await spaceUse.listSpaces(library.id);
      const days = (await spaceReports.sweepDays(library.id, space!.id, library.timeZone))!;
      const periods = { before: { from: days.from, to: addDays(demo.opensOn, -1) }, after: { from: demo.opensOn, to: days.to } };
      const report = await spaceReports.report(library.id, space!, library.timeZone, periods, undefined);
      assert.deepEqual(report.sweepsInPeriod, { before: WEEKS_EACH_SIDE * 6, after: WEEKS_EACH_SIDE * 6 });
      assert.equal(report.hoursOfWeek.length, 6, 'the same six hours of the week on both sides');
      const { comparison } = report;
      assert.ok(comparison.interval && comparison.interval.low > 0, `${library.name}: the increase is clear`);
      assert.ok(comparison.after.mean! > 2 * comparison.before.mean!, `${library.name}: ${comparison.before.mean} → ${comparison.after.mean}`);
      assert.ok(report.occupancy.every((zone) => zone.after! > zone.before!), `${library.name}: every zone is used more`);
    }
  });
});
