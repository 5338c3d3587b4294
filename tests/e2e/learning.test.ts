import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { PASSWORD } from '../support/factories';
import { navigateWithoutJavaScript, newPageWithoutJavaScript, optional, t, useWorkspaceHarness, visitWithoutJavaScript } from './harness';

// Program staff write a cohort's curriculum with JavaScript off, and a
// library lead of the cohort reads it; axe-core checks every page and state
// on the way: the empty curriculum, the form and its errors, the ordered
// list, the confirmation before a delete, and the learner's pages. Opening
// days are far in the past or the future, so the real clock decides nothing.

const { harness, team } = useWorkspaceHarness();

/** A page with JavaScript off, signed in through the form. */
async function signedInWithoutJavaScript(email: string): Promise<Page> {
  const page = await newPageWithoutJavaScript(harness.browser);
  await visitWithoutJavaScript(page, `${harness.server.url}/sign-in`);
  await page.getByLabel(t('accounts.field.email')).fill(email);
  await page.getByLabel(t('accounts.field.password'), { exact: true }).fill(PASSWORD);
  await navigateWithoutJavaScript(page, () => page.getByRole('button', { name: t('accounts.signIn.submit') }).click());
  return page;
}

/** Fills the module form and sends it. */
async function addModule(page: Page, title: string, phase: string, opensOn: string): Promise<void> {
  await navigateWithoutJavaScript(page, () => page.getByRole('link', { name: t('learning.modules.new') }).click());
  await page.getByLabel(t('learning.field.title')).fill(title);
  await page.getByLabel(t('learning.field.phase')).selectOption(phase);
  await page.getByLabel(optional(t('learning.field.introduction'))).fill(`## Why it matters\n\nAbout *${title}*.`);
  await page.getByLabel(optional(t('learning.field.objectives'))).fill('Name the aim\nTry it with patrons');
  await page.getByLabel(t('learning.field.opensOn')).fill(opensOn);
  await navigateWithoutJavaScript(page, () => page.getByRole('button', { name: t('learning.new.submit') }).click());
}

test('program staff write, order and prune a cohort’s modules, and a lead of the cohort reads them, without JavaScript', async () => {
  const [cohort] = await harness.server.app.services.programs.listCohorts();
  assert.ok(cohort);
  const admin = await signedInWithoutJavaScript(team.admin.email);
  await visitWithoutJavaScript(admin, `${harness.server.url}/learning`);
  await navigateWithoutJavaScript(admin, () => admin.getByRole('link', { name: t('learning.page.manage', { cohort: cohort.name }) }).click());
  assert.ok(await admin.getByText(t('learning.modules.empty')).isVisible());

  await navigateWithoutJavaScript(admin, () => admin.getByRole('link', { name: t('learning.modules.new') }).click());
  await navigateWithoutJavaScript(admin, () => admin.getByRole('button', { name: t('learning.new.submit') }).click());
  assert.ok(await admin.getByRole('alert').getByText(t('learning.error.title')).isVisible(), 'the error summary names the title');
  await navigateWithoutJavaScript(admin, () => admin.getByRole('link', { name: t('common.cancel') }).click());

  await addModule(admin, 'Design thinking', 'ideate', '2020-02-01');
  await addModule(admin, 'Active learning and placemaking', 'discover', '2020-01-01');
  await addModule(admin, 'Action planning', 'plan', '2099-01-01');
  // Each move button sits in a form named after its module.
  const moveUp = admin.getByRole('form', { name: t('learning.move.upLabel', { title: 'Active learning and placemaking' }) }).getByRole('button', { name: t('learning.move.up') });
  await navigateWithoutJavaScript(admin, () => moveUp.click());
  const order = await admin.locator('tbody tr td:nth-child(2)').allInnerTexts();
  assert.deepEqual(order, ['Active learning and placemaking', 'Design thinking', 'Action planning']);

  await addModule(admin, 'A mistake', 'share', '2020-03-01');
  await navigateWithoutJavaScript(admin, () => admin.getByRole('link', { name: t('learning.modules.deleteLabel', { title: 'A mistake' }) }).click());
  await navigateWithoutJavaScript(admin, () => admin.getByRole('button', { name: t('learning.delete.submit') }).click());
  assert.ok(await admin.getByText(t('learning.flash.deleted', { title: 'A mistake' })).isVisible());

  const lead = await signedInWithoutJavaScript(team.lead.email);
  await navigateWithoutJavaScript(lead, () => lead.getByRole('link', { name: t('layout.nav.learning') }).click());
  const open = lead.locator('h3', { hasText: t('learning.page.open') }).locator('xpath=following-sibling::ol[1]');
  assert.deepEqual(await open.getByRole('link').allInnerTexts(), ['Active learning and placemaking', 'Design thinking']);
  await navigateWithoutJavaScript(lead, () => lead.getByRole('link', { name: 'Design thinking' }).click());
  assert.ok(await lead.getByRole('heading', { level: 2, name: 'Why it matters' }).isVisible());
  assert.ok(await lead.getByRole('listitem').getByText('Try it with patrons').isVisible());
  await navigateWithoutJavaScript(lead, () => lead.getByRole('link', { name: t('learning.module.back') }).click());
  await navigateWithoutJavaScript(lead, () => lead.getByRole('link', { name: 'Action planning' }).click());
  assert.ok(await lead.getByText(/This module opens on/).isVisible());
  assert.equal(await lead.getByRole('heading', { name: 'Why it matters' }).count(), 0, 'an unopened module keeps its content');
});
