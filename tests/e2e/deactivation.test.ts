import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeLibrary, makePerson, PASSWORD } from '../support/factories';
import { navigate, visit } from '../support/browser';
import { signIn, t, useHarness } from './harness';

const harness = useHarness();

test('deactivating someone signs them out on every device at once', async () => {
  const { server } = harness;
  const library = await makeLibrary(server.app);
  const admin = await makePerson(server.app, { role: 'admin' });
  const staff = await makePerson(server.app, { role: 'staff', libraryId: library.id, name: 'Lee Leaving' });

  // The staff member is signed in on another device.
  const staffPage = await harness.newPage();
  await signIn(staffPage, server.url, staff.email, PASSWORD);
  assert.equal(new URL(staffPage.url()).pathname, '/dashboard');

  const adminPage = await harness.newPage();
  await signIn(adminPage, server.url, admin.email, PASSWORD);
  await visit(adminPage, `${server.url}/people/${staff.id}`);
  await navigate(adminPage, () => adminPage.getByRole('link', { name: t('people.detail.deactivate') }).click());
  assert.equal(new URL(adminPage.url()).pathname, `/people/${staff.id}/deactivate`);
  await navigate(adminPage, () => adminPage.getByRole('button', { name: t('people.deactivate.submit') }).click());
  await adminPage.getByText(t('people.deactivate.done', { name: 'Lee Leaving' })).waitFor();

  // Their next page view lands on sign-in, and signing in again is refused.
  await visit(staffPage, `${server.url}/libraries/${library.slug}`);
  assert.equal(new URL(staffPage.url()).pathname, '/sign-in');
  await staffPage.getByLabel(t('accounts.field.email')).fill(staff.email);
  await staffPage.getByLabel(t('accounts.field.password'), { exact: true }).fill(PASSWORD);
  await navigate(staffPage, () => staffPage.getByRole('button', { name: t('accounts.signIn.submit') }).click());
  assert.equal(new URL(staffPage.url()).pathname, '/sign-in');
  assert.ok((await staffPage.getByText(t('accounts.signIn.invalid')).count()) >= 1);
});
