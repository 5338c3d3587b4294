import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { navigate, visit } from '../support/browser';
import { t, useWorkspaceHarness } from './harness';

// Staff describe a space and its zones, and record a sweep with the plain
// form, in a browser; every page on the way, refused forms included, is
// checked by axe-core.

const { harness, team, staffPage } = useWorkspaceHarness();

const submit = (page: Page, name: string) => navigate(page, () => page.getByRole('button', { name }).click());

test('staff add a space with zones, record a sweep, confirm a count far above capacity, and read it in the list', async () => {
  const page = await staffPage();
  await visit(page, `${harness.server.url}/libraries/${team.library.slug}/journey`);
  await navigate(page, () => page.getByRole('navigation', { name: t('workspace.nav.label') }).getByRole('link', { name: t('spaceUse.nav') }).click());
  assert.ok(await page.getByText(t('spaceUse.spaces.empty')).isVisible());

  await navigate(page, () => page.getByRole('link', { name: t('spaceUse.spaces.add') }).click());
  await submit(page, t('spaceUse.new.submit'));
  assert.ok(await page.getByRole('alert').getByText(t('spaceUse.error.noZones')).isVisible());
  await page.getByLabel(t('spaceUse.field.name')).fill('Teen corner');
  await page.getByLabel(t('spaceUse.field.zoneName', { n: 1 })).fill('Sofas');
  await page.getByLabel(t('spaceUse.field.zoneCapacity', { n: 1 })).fill('4');
  await page.getByLabel(t('spaceUse.field.zoneName', { n: 2 })).fill('Gaming table');
  await page.getByLabel(t('spaceUse.field.zoneCapacity', { n: 2 })).fill('2');
  await submit(page, t('spaceUse.new.submit'));
  assert.ok(await page.getByText(t('spaceUse.new.done')).isVisible());

  await navigate(page, () => page.getByRole('link', { name: t('spaceUse.spaces.record', { space: 'Teen corner' }) }).click());
  await page.getByLabel(t('spaceUse.field.startedAt')).fill('2026-10-06T16:00');
  await page.getByLabel(t('spaceUse.field.count', { zone: 'Sofas' })).fill('0');
  await page.getByLabel(t('spaceUse.field.count', { zone: 'Gaming table' })).fill('25');
  await submit(page, t('spaceUse.sweep.submit'));
  assert.ok(await page.getByRole('alert').getByText(t('spaceUse.error.high', { zone: 'Gaming table', capacity: 2 })).isVisible());
  assert.equal(await page.getByLabel(t('spaceUse.field.count', { zone: 'Gaming table' })).inputValue(), '25');
  await page.getByLabel(t('spaceUse.field.confirm')).check();
  await submit(page, t('spaceUse.sweep.submit'));
  assert.ok(await page.getByText(t('spaceUse.sweep.done')).isVisible());

  const row = page.getByRole('table').getByRole('row').nth(1);
  assert.deepEqual(
    (await row.getByRole('cell').allInnerTexts()).map((cell) => cell.trim()).slice(1, 4),
    ['Teen corner', '25', t('spaceUse.sweeps.observedOf', { observed: '2', zones: '2' })],
  );

  await navigate(page, () => page.getByRole('link', { name: t('spaceUse.sweeps.back') }).click());
  await navigate(page, () => page.getByRole('link', { name: t('spaceUse.spaces.edit', { space: 'Teen corner' }) }).click());
  assert.equal(await page.getByLabel(t('spaceUse.field.zoneName', { n: 2 })).inputValue(), 'Gaming table');
});
