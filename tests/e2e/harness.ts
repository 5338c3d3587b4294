import { after, before } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { translator } from '../../src/i18n';
import { launchBrowser, navigate, openPage, visit } from '../support/browser';
import { startTestServer, type TestServer } from '../support/server';
import { startTestSmtp, type TestSmtp } from '../support/smtp';

/** English labels and messages, so the tests follow the wording the product shows. */
export const t = translator('en');

export interface Harness {
  server: TestServer;
  smtp: TestSmtp;
  browser: Browser;
  /** A new page in its own browser context: another person, another device. */
  newPage(): Promise<Page>;
}

/**
 * Starts, for one test file, a real SMTP server, the real application and
 * Chromium; stops all three when the file's tests are done. The application
 * sends mail to the SMTP server, or with `mail: 'outbox'` keeps it in the
 * outbox as an instance without SMTP does. `prepare` then fills the
 * database (node:test does not promise an order between several top-level
 * `before` hooks, so it belongs here). The returned object is filled in
 * before the first test runs.
 */
export function useHarness(
  options: { mail?: 'smtp' | 'outbox'; prepare?: (server: TestServer) => Promise<void> } = {},
): Harness {
  const harness = {} as Harness;
  before(async () => {
    harness.smtp = await startTestSmtp();
    harness.server = await startTestServer(options.mail === 'outbox' ? {} : { smtpUrl: harness.smtp.url });
    await options.prepare?.(harness.server);
    harness.browser = await launchBrowser();
    harness.newPage = () => openPage(harness.browser);
  });
  after(async () => {
    await harness.browser?.close();
    await harness.server?.close();
    await harness.smtp?.close();
  });
  return harness;
}

/** Signs in through the form, starting from the sign-in page, checking each page on the way. */
export async function signIn(page: Page, baseUrl: string, email: string, password: string): Promise<void> {
  await visit(page, `${baseUrl}/sign-in`);
  await page.getByLabel(t('accounts.field.email')).fill(email);
  await page.getByLabel(t('accounts.field.password'), { exact: true }).fill(password);
  await navigate(page, () => page.getByRole('button', { name: t('accounts.signIn.submit') }).click());
}

/** The first link in an email's text that starts with `prefix`. */
export function linkIn(text: string, prefix: string): string {
  const link = text.split(/\s+/).find((word) => word.startsWith(prefix));
  if (!link) throw new Error(`No link starting with ${prefix} in:\n${text}`);
  return link;
}
