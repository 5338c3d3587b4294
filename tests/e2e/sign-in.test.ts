import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makePerson, PASSWORD } from '../support/factories';
import { navigate, visit } from '../support/browser';
import { signIn, t, useHarness } from './harness';

const harness = useHarness();

test('a visitor reads the home page, signs in, and signs out again', async () => {
  const { server } = harness;
  const person = await makePerson(server.app, { role: 'admin', name: 'Robin Signin' });
  const page = await harness.newPage();

  const home = await visit(page, `${server.url}/`);
  assert.equal(home?.status(), 200);
  await navigate(page, () => page.getByRole('link', { name: t('layout.nav.signIn'), exact: true }).click());
  assert.equal(new URL(page.url()).pathname, '/sign-in');

  await signIn(page, server.url, person.email, PASSWORD);
  assert.equal(new URL(page.url()).pathname, '/dashboard');
  await page.getByRole('button', { name: t('layout.nav.signOut') }).waitFor();

  await navigate(page, () => page.getByRole('button', { name: t('layout.nav.signOut') }).click());
  assert.equal(new URL(page.url()).pathname, '/');
  await page.getByText(t('accounts.signOut.done')).waitFor();
  await page.getByRole('link', { name: t('layout.nav.signIn'), exact: true }).waitFor();

  // Signed out means signed out: a private page sends the visitor to sign in.
  await visit(page, `${server.url}/dashboard`);
  assert.equal(new URL(page.url()).pathname, '/sign-in');
  await page.close();
});

test('a wrong password shows the error next to the form and keeps the email', async () => {
  const { server } = harness;
  const person = await makePerson(server.app, { role: 'staff' });
  const page = await harness.newPage();

  await visit(page, `${server.url}/sign-in`);
  await page.getByLabel(t('accounts.field.email')).fill(person.email);
  await page.getByLabel(t('accounts.field.password'), { exact: true }).fill('not the password');
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/sign-in'),
    navigate(page, () => page.getByRole('button', { name: t('accounts.signIn.submit') }).click()),
  ]);
  assert.equal(response.status(), 400);
  assert.equal(new URL(page.url()).pathname, '/sign-in');
  assert.ok((await page.getByText(t('accounts.signIn.invalid')).count()) >= 1, 'the error is shown');
  assert.equal(await page.getByLabel(t('accounts.field.email')).inputValue(), person.email);
  assert.equal(await page.getByLabel(t('accounts.field.password'), { exact: true }).inputValue(), '', 'the password is not sent back');

  // The next, correct attempt works.
  await signIn(page, server.url, person.email, PASSWORD);
  assert.equal(new URL(page.url()).pathname, '/dashboard');
  await page.close();
});
