import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { PASSWORD } from '../support/factories';
import { navigateWithoutJavaScript, newPageWithoutJavaScript, optional, t, useWorkspaceHarness, visitWithoutJavaScript } from './harness';

// Staff record a program and each time it is held, with JavaScript off as
// some library computers have it, and axe-core checks every page and state
// on the way: the empty list, the forms, their errors, the event page and
// the confirmation before a delete.

const { harness, team } = useWorkspaceHarness();

/** A page of the lead's with JavaScript off, signed in through the form. */
async function leadWithoutJavaScript(): Promise<Page> {
  const page = await newPageWithoutJavaScript(harness.browser);
  await visitWithoutJavaScript(page, `${harness.server.url}/sign-in`);
  await page.getByLabel(t('accounts.field.email')).fill(team.lead.email);
  await page.getByLabel(t('accounts.field.password'), { exact: true }).fill(PASSWORD);
  await navigateWithoutJavaScript(page, () => page.getByRole('button', { name: t('accounts.signIn.submit') }).click());
  return page;
}

test('staff add a program, record the times it was held with attendance, correct one and delete another, without JavaScript', async () => {
  const page = await leadWithoutJavaScript();
  const list = `${harness.server.url}/libraries/${team.library.slug}/events`;
  await visitWithoutJavaScript(page, list);
  assert.ok(await page.getByText(t('events.list.empty')).isVisible());

  await navigateWithoutJavaScript(page, () => page.getByRole('link', { name: t('events.list.new') }).click());
  await navigateWithoutJavaScript(page, () => page.getByRole('button', { name: t('events.new.submit') }).click());
  assert.ok(await page.getByRole('alert').getByText(t('events.error.title')).isVisible(), 'the error summary names the title');
  await page.getByLabel(t('events.field.title')).fill('Maker Monday');
  await page.getByLabel(t('events.field.serviceArea')).selectOption('digital-learning');
  await page.getByLabel(optional(t('events.field.description'))).fill('3D printing and robots after school.');
  await navigateWithoutJavaScript(page, () => page.getByRole('button', { name: t('events.new.submit') }).click());
  assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Maker Monday');

  const record = async (day: string, time: string, attendance: string) => {
    await navigateWithoutJavaScript(page, () => page.getByRole('link', { name: t('events.occurrences.add') }).click());
    await page.getByLabel(t('events.field.heldOn')).fill(day);
    await page.getByLabel(optional(t('events.field.startsAt'))).fill(time);
    await page.getByLabel(optional(t('events.field.attendance'))).fill(attendance);
    await navigateWithoutJavaScript(page, () => page.getByRole('button', { name: t('events.occurrence.new.submit') }).click());
  };
  await record('2026-03-02', '25:00', 'many');
  assert.ok(await page.getByRole('alert').getByText(t('events.error.startsAt')).isVisible());
  assert.ok(await page.getByRole('alert').getByText(t('events.error.attendance')).isVisible());
  assert.equal(await page.getByLabel(optional(t('events.field.attendance'))).inputValue(), 'many', 'the input is kept');
  await page.getByLabel(optional(t('events.field.startsAt'))).fill('15:30');
  await page.getByLabel(optional(t('events.field.attendance'))).fill('24');
  await navigateWithoutJavaScript(page, () => page.getByRole('button', { name: t('events.occurrence.new.submit') }).click());
  await record('2026-03-09', '', '');
  const summary = await page.locator('.summary-list').innerText();
  assert.match(summary, /24 \(attendance recorded for 1 of 2 times held\)/);

  // The time with no count gets its count; the first time is deleted after asking.
  await navigateWithoutJavaScript(page, () => page.getByRole('link', { name: t('events.occurrences.editLabel', { date: 'Mar 9, 2026' }) }).click());
  await page.getByLabel(optional(t('events.field.attendance'))).fill('0');
  await navigateWithoutJavaScript(page, () => page.getByRole('button', { name: t('common.save') }).click());
  await navigateWithoutJavaScript(page, () => page.getByRole('link', { name: t('events.occurrences.deleteLabel', { date: 'Mar 2, 2026' }) }).click());
  assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), t('events.occurrence.delete.title', { date: 'Mar 2, 2026' }));
  await navigateWithoutJavaScript(page, () => page.getByRole('button', { name: t('events.occurrence.delete.submit') }).click());
  const rows = await page.locator('table tbody tr').allInnerTexts();
  assert.deepEqual(rows.map((row) => row.split('\t').slice(0, 3)), [['Mar 9, 2026', '—', '0']]);

  await navigateWithoutJavaScript(page, () => page.getByRole('link', { name: t('events.detail.edit') }).click());
  await navigateWithoutJavaScript(page, () => page.getByRole('link', { name: t('common.cancel') }).click());
  await navigateWithoutJavaScript(page, () => page.getByRole('link', { name: t('events.detail.back') }).click());
  const listed = await page.locator('table tbody tr').allInnerTexts();
  assert.deepEqual(listed.map((row) => row.split('\t')), [['Maker Monday', 'Digital learning', '1', 'Mar 9, 2026', '0']]);
  assert.equal(
    await page.getByRole('link', { name: t('events.list.csv') }).getAttribute('href'),
    `/libraries/${team.library.slug}/events.csv`,
  );
});
