import { test } from 'node:test';
import assert from 'node:assert/strict';
import { translator } from '../../src/i18n';
import { makeLibrary, makePerson, PASSWORD } from '../support/factories';
import { navigate, visit } from '../support/browser';
import { linkIn, signIn, t, useHarness } from './harness';

const harness = useHarness();

test('an admin invites a library staff member, who accepts through the emailed link', async () => {
  const { server, smtp } = harness;
  const library = await makeLibrary(server.app, { name: 'Hot Springs Library' });
  const admin = await makePerson(server.app, { role: 'admin' });
  const adminPage = await harness.newPage();
  await signIn(adminPage, server.url, admin.email, PASSWORD);

  await navigate(adminPage, () => adminPage.getByRole('navigation').getByRole('link', { name: t('layout.nav.people') }).click());
  await visit(adminPage, `${server.url}/people/invite`);
  await adminPage.getByLabel(t('accounts.field.email')).fill('Kim.Newcomer@example.org');
  await adminPage.getByLabel(t('people.field.name')).fill('Kim Newcomer');
  await adminPage.getByRole('radio', { name: t('role.staff') }).check();
  await adminPage.getByLabel(t('people.field.libraryId'), { exact: true }).selectOption({ label: library.name });
  await adminPage.getByRole('radio', { name: t('libraryRole.lead') }).check();
  await adminPage.getByRole('radio', { name: t('locale.en') }).check();
  await navigate(adminPage, () => adminPage.getByRole('button', { name: t('people.invite.submit') }).click());
  assert.match(new URL(adminPage.url()).pathname, /^\/people\/[^/]+$/);
  await adminPage.getByText(t('people.invite.sent', { email: 'kim.newcomer@example.org' })).waitFor();

  const mail = await smtp.waitFor((m) => m.to.includes('kim.newcomer@example.org'));
  assert.equal(mail.subject, t('people.inviteMail.subject'));
  assert.match(mail.text, /Hot Springs Library/);
  const link = linkIn(mail.text, `${server.url}/invitations/`);

  // The invitee opens the link in their own browser.
  const page = await harness.newPage();
  await visit(page, link);
  assert.equal(await page.getByLabel(t('accounts.field.name')).inputValue(), 'Kim Newcomer');
  await page.getByLabel(t('accounts.field.choosePassword')).fill('a long new password');
  await page.getByLabel(t('accounts.field.confirmPassword')).fill('a long new password');
  await navigate(page, () => page.getByRole('button', { name: t('accounts.invitation.submit') }).click());
  assert.equal(new URL(page.url()).pathname, '/dashboard');
  await page.getByText(t('accounts.invitation.done')).waitFor();
  await page.getByRole('link', { name: library.name }).first().waitFor();

  // The link works once.
  const again = await visit(page, link);
  assert.equal(again?.status(), 410);

  // The new person signs in with the password they chose.
  const fresh = await harness.newPage();
  await signIn(fresh, server.url, 'kim.newcomer@example.org', 'a long new password');
  assert.equal(new URL(fresh.url()).pathname, '/dashboard');
});

test('an invitation in Spanish arrives in Spanish', async () => {
  const { server, smtp } = harness;
  const admin = await makePerson(server.app, { role: 'admin' });
  const page = await harness.newPage();
  await signIn(page, server.url, admin.email, PASSWORD);
  await visit(page, `${server.url}/people/invite`);
  await page.getByLabel(t('accounts.field.email')).fill('ana.garcia@example.org');
  await page.getByLabel(t('people.field.name')).fill('Ana García');
  await page.getByRole('radio', { name: t('role.coach') }).check();
  await page.getByRole('radio', { name: t('locale.es') }).check();
  await navigate(page, () => page.getByRole('button', { name: t('people.invite.submit') }).click());

  const mail = await smtp.waitFor((m) => m.to.includes('ana.garcia@example.org'));
  assert.equal(mail.subject, translator('es')('people.inviteMail.subject'));
  assert.match(mail.text, /Ana García/);
  const link = linkIn(mail.text, `${server.url}/invitations/`);
  const invitee = await harness.newPage();
  const response = await visit(invitee, link);
  assert.equal(response?.status(), 200);
});
