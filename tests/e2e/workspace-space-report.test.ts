import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newId } from '../../src/db/ids';
import { addDays, localToUtc } from '../../src/i18n/time';
import { navigate, visit } from '../support/browser';
import { t, useWorkspaceHarness } from './harness';

// Staff open a space's report from the list of spaces, choose other periods
// and a zone with the plain form, and see a refused choice explained; every
// page is checked by axe-core.

const { harness, team, staffPage } = useWorkspaceHarness();

test('staff read the report on a space, choose periods and a zone, and are told when the periods overlap', async () => {
  const { spaceUse } = harness.server.app.services;
  const space = await spaceUse.createSpace(team.library.id, { name: 'Makerspace', zones: [{ name: 'Benches', capacity: 6 }, { name: 'Laser cutter', capacity: 2 }] });
  // Two sweeps a week, Tuesdays and Thursdays at 15:00, from September to November.
  let n = 0;
  for (let day = '2026-09-01'; day <= '2026-11-26'; day = addDays(day, 1)) {
    if (![2, 4].includes(new Date(`${day}T00:00:00Z`).getUTCDay())) continue;
    n += 1;
    const counts = [
      { zoneId: space.zones[0]!.id, people: (n % 4) + (day >= '2026-10-15' ? 3 : 0) },
      { zoneId: space.zones[1]!.id, people: n % 3 === 0 ? null : n % 2 },
    ];
    const startedAt = localToUtc(`${day}T15:00`, team.library.timeZone)!;
    const outcome = await spaceUse.recordSweep(team.library.id, { id: newId(), spaceId: space.id, startedAt, endedAt: null, note: '', counts, confirmedHigh: false }, null);
    assert.equal(outcome.status, 'stored');
  }

  const page = await staffPage();
  await visit(page, `${harness.server.url}/libraries/${team.library.slug}/space-use`);
  await navigate(page, () => page.getByRole('link', { name: t('spaceReport.link', { space: 'Makerspace' }) }).click());
  assert.ok(await page.getByText(t('spaceReport.source.halves')).isVisible());
  assert.ok(await page.getByText(/^At the same hours of the week, Makerspace held/).isVisible());
  assert.ok(await page.getByRole('table', { name: t('spaceReport.weeks.caption') }).isVisible());

  await page.getByLabel(t('spaceReport.field.beforeTo')).fill('2026-10-14');
  await page.getByLabel(t('spaceReport.field.afterFrom')).fill('2026-10-15');
  await page.getByLabel(t('spaceReport.field.zone'), { exact: true }).selectOption({ label: 'Benches' });
  await navigate(page, () => page.getByRole('button', { name: t('spaceReport.submit') }).click());
  assert.ok(await page.getByText(t('spaceReport.source.chosen')).isVisible());
  assert.ok(await page.getByText(/^At the same hours of the week, Benches of Makerspace held .* 95% CI/).isVisible());

  await page.getByLabel(t('spaceReport.field.afterFrom')).fill('2026-10-01');
  await navigate(page, () => page.getByRole('button', { name: t('spaceReport.submit') }).click());
  assert.ok(await page.getByRole('alert').getByText(t('spaceReport.error.overlap')).isVisible());
});
