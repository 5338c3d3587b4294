import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makePerson, PASSWORD } from '../support/factories';
import { navigate, visit } from '../support/browser';
import { linkIn, signIn, t, useHarness } from './harness';

const harness = useHarness();

test('a person who forgot their password resets it through the emailed link', async () => {
  const { server, smtp } = harness;
  const person = await makePerson(server.app, { role: 'coach' });
  const page = await harness.newPage();

  await visit(page, `${server.url}/sign-in`);
  await navigate(page, () => page.getByRole('link', { name: t('accounts.signIn.forgot') }).click());
  assert.equal(new URL(page.url()).pathname, '/forgot-password');
  await page.getByLabel(t('accounts.field.email')).fill(person.email);
  await navigate(page, () => page.getByRole('button', { name: t('accounts.forgot.submit') }).click());
  await page.getByRole('heading', { level: 1, name: t('accounts.forgotSent.title') }).waitFor();

  const mail = await smtp.waitFor((m) => m.to.includes(person.email));
  assert.equal(mail.subject, t('accounts.resetMail.subject'));
  const link = linkIn(mail.text, `${server.url}/reset-password/`);

  await visit(page, link);
  await page.getByLabel(t('accounts.field.newPassword')).fill('my brand new password');
  await page.getByLabel(t('accounts.field.confirmPassword')).fill('my brand new password');
  await navigate(page, () => page.getByRole('button', { name: t('accounts.reset.submit') }).click());
  assert.equal(new URL(page.url()).pathname, '/dashboard');
  await page.getByText(t('accounts.reset.done')).waitFor();

  // The link is used up.
  const again = await visit(page, link);
  assert.equal(again?.status(), 410);

  // The old password no longer works; the new one does.
  const other = await harness.newPage();
  await visit(other, `${server.url}/sign-in`);
  await other.getByLabel(t('accounts.field.email')).fill(person.email);
  await other.getByLabel(t('accounts.field.password'), { exact: true }).fill(PASSWORD);
  await navigate(other, () => other.getByRole('button', { name: t('accounts.signIn.submit') }).click());
  assert.equal(new URL(other.url()).pathname, '/sign-in');
  await signIn(other, server.url, person.email, 'my brand new password');
  assert.equal(new URL(other.url()).pathname, '/dashboard');
});

test('asking for a reset of an unknown address looks the same and sends nothing', async () => {
  const { server, smtp } = harness;
  const page = await harness.newPage();
  await visit(page, `${server.url}/forgot-password`);
  await page.getByLabel(t('accounts.field.email')).fill('nobody-here@example.org');
  await navigate(page, () => page.getByRole('button', { name: t('accounts.forgot.submit') }).click());
  await page.getByRole('heading', { level: 1, name: t('accounts.forgotSent.title') }).waitFor();
  // A reset is requested (and any mail sent) before the answer, so the count is final here.
  assert.equal(smtp.messages.filter((m) => m.to.includes('nobody-here@example.org')).length, 0);
});
