import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { Secret, TOTP } from 'otpauth';
import { makePerson, PASSWORD } from '../support/factories';
import { navigate, visit } from '../support/browser';
import { signIn, t, useHarness } from './harness';

const harness = useHarness({ mail: 'outbox' });

/** The code an authenticator app shows, `steps` periods of 30 seconds from now (the server accepts one either side). */
const appCode = (secret: string, steps = 0) => TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: Date.now() + steps * 30_000 });

async function enterCode(page: Page, code: string) {
  await page.getByLabel(t('accounts.twoFactor.field.code'), { exact: true }).fill(code);
  await navigate(page, () => page.getByRole('button', { name: t('accounts.twoFactor.step.submit'), exact: true }).click());
}

async function signOut(page: Page) {
  await navigate(page, () => page.getByRole('button', { name: t('layout.nav.signOut') }).click());
}

test('an admin requires two-step sign-in for coaches; a coach sets it up and signs in with a code and a recovery code', async () => {
  const { server } = harness;
  const admin = await makePerson(server.app, { role: 'admin', name: 'Ada Admin' });
  const coach = await makePerson(server.app, { role: 'coach', name: 'Cory Coach' });

  // The admin requires it for coaches.
  const adminPage = await harness.newPage();
  await signIn(adminPage, server.url, admin.email, PASSWORD);
  await visit(adminPage, `${server.url}/people`);
  await navigate(adminPage, () => adminPage.getByRole('link', { name: t('accounts.twoFactor.settings.title') }).click());
  await adminPage.getByRole('checkbox', { name: t('role.coach') }).check();
  await navigate(adminPage, () => adminPage.getByRole('button', { name: t('accounts.twoFactor.settings.submit') }).click());
  await adminPage.getByText(t('accounts.twoFactor.settings.done')).waitFor();
  assert.equal(await adminPage.getByRole('checkbox', { name: t('role.coach') }).isChecked(), true);
  await adminPage.close();

  // The coach signs in and is sent to set it up before anything else.
  const page = await harness.newPage();
  await signIn(page, server.url, coach.email, PASSWORD);
  assert.equal(new URL(page.url()).pathname, '/account/two-factor');
  await page.getByText(t('accounts.twoFactor.required')).waitFor();
  await navigate(page, () => page.getByRole('link', { name: t('accounts.twoFactor.setUp') }).click());
  await page.getByRole('img', { name: t('accounts.twoFactor.setup.qrLabel') }).waitFor();
  const secret = (await page.locator('code.secret-key').innerText()).replace(/\s/g, '');
  await page.getByLabel(t('accounts.twoFactor.field.code'), { exact: true }).fill(appCode(secret));
  await navigate(page, () => page.getByRole('button', { name: t('accounts.twoFactor.setup.submit') }).click());
  await page.getByText(t('accounts.twoFactor.codes.turnedOn')).waitFor();
  const codes = (await page.getByRole('list', { name: t('accounts.twoFactor.codes.listLabel') }).getByRole('listitem').allInnerTexts()).map((c) => c.trim());
  assert.equal(codes.length, 10);
  await navigate(page, () => page.getByRole('link', { name: t('accounts.twoFactor.codes.done') }).click());
  await visit(page, `${server.url}/libraries`);
  assert.equal(new URL(page.url()).pathname, '/libraries', 'with it set up, the coach goes about their work');

  // Next time, the password leads to the code step. The code of the next
  // period is used, since the one just entered is spent.
  await signOut(page);
  await signIn(page, server.url, coach.email, PASSWORD);
  assert.equal(new URL(page.url()).pathname, '/sign-in/two-factor');
  await enterCode(page, '000000' === appCode(secret, 1) ? '999999' : '000000');
  await page.getByText(t('accounts.twoFactor.error.codeWrong')).first().waitFor();
  await enterCode(page, appCode(secret, 1));
  assert.equal(new URL(page.url()).pathname, '/dashboard');

  // Without the phone, a recovery code works once.
  await signOut(page);
  await signIn(page, server.url, coach.email, PASSWORD);
  await enterCode(page, codes[0]!);
  assert.equal(new URL(page.url()).pathname, '/dashboard');
  await page.getByText(t('accounts.twoFactor.step.recoveryUsed', { count: 9 })).waitFor();
  await signOut(page);
  await signIn(page, server.url, coach.email, PASSWORD);
  await enterCode(page, codes[0]!);
  assert.equal(new URL(page.url()).pathname, '/sign-in/two-factor', 'a used recovery code is refused');
  await page.close();
});
