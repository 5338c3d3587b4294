import { after, before } from 'node:test';
import type { Browser, Page, Response } from 'playwright-core';
import { translator } from '../../src/i18n';
import { checkA11y, launchBrowser, navigate, openPage, visit } from '../support/browser';
import { makeLibrary, makePerson, PASSWORD } from '../support/factories';
import { startTestServer, type TestServer } from '../support/server';
import { startTestSmtp, type ReceivedMail, type TestSmtp } from '../support/smtp';

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

/**
 * A page in its own browser context with JavaScript turned off, as a reader
 * with scripts blocked sees the site. Check what it shows with
 * `visitWithoutJavaScript` and `navigateWithoutJavaScript`.
 */
export async function newPageWithoutJavaScript(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ locale: 'en-US', javaScriptEnabled: false });
  context.setDefaultTimeout(15_000);
  return context.newPage();
}

/** One page per browser, with JavaScript on, that checks copies of pages loaded without it. */
const copyCheckers = new WeakMap<Browser, Promise<Page>>();

/**
 * Checks with axe-core a page that was loaded with JavaScript off. axe itself
 * needs JavaScript (it waits on timers, which never fire there), so the same
 * HTML is served again, at the same address, to a page that has it on. With
 * no script run, that HTML is exactly what the reader got.
 */
async function checkA11yOfCopy(page: Page): Promise<void> {
  const browser = page.context().browser();
  if (!browser) throw new Error('The page has no browser');
  const url = page.url();
  const html = await page.content();
  if (!copyCheckers.has(browser)) copyCheckers.set(browser, openPage(browser));
  const checker = await (copyCheckers.get(browser) as Promise<Page>);
  const serveCopy = (address: URL) => address.href === url;
  await checker.route(serveCopy, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
  try {
    await checker.goto(url);
    await checkA11y(checker);
  } finally {
    await checker.unroute(serveCopy);
  }
}

/** `visit` for a page with JavaScript off: goes to a URL, then checks the page with axe-core. */
export async function visitWithoutJavaScript(page: Page, url: string): Promise<Response | null> {
  const response = await page.goto(url);
  await checkA11yOfCopy(page);
  return response;
}

/** `navigate` for a page with JavaScript off: submits or follows, waits for the new page, checks it. */
export async function navigateWithoutJavaScript(page: Page, action: () => Promise<unknown>): Promise<void> {
  await Promise.all([page.waitForEvent('load'), action()]);
  await checkA11yOfCopy(page);
}

/** The value of a header of a received mail, unfolded; undefined when absent. */
export function mailHeader(mail: ReceivedMail, name: string): string | undefined {
  const head = (mail.raw.split(/\r?\n\r?\n/)[0] ?? '').replace(/\r?\n[ \t]+/g, ' ');
  const line = head.split(/\r?\n/).find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`));
  return line?.slice(name.length + 1).trim();
}

/** Creates and publishes a news item through the content service, as an editor would. */
export async function publishNews(
  server: TestServer,
  fields: { title: string; summary?: string; body: string; tagIds?: string[] },
): Promise<{ id: string; path: string }> {
  const { content } = server.app.services;
  const item = await content.createItem(
    {
      type: 'news',
      title: fields.title,
      summary: fields.summary ?? '',
      body: fields.body,
      libraryId: null,
      imageId: null,
      links: [],
      sections: null,
      tagIds: fields.tagIds ?? [],
    },
    null,
  );
  await content.publish(item.id, undefined, null);
  return { id: item.id, path: item.path };
}

/**
 * Sends newsletter batches of `size` until the queue is empty, as the
 * background worker does in production (the test server does not run it).
 */
export async function sendQueuedNewsletters(server: TestServer, size?: number): Promise<void> {
  for (let round = 0; round < 1000; round++) {
    const { sent, failed } = await server.app.services.newsletter.processBatch(size);
    if (sent + failed === 0) return;
  }
  throw new Error('The newsletter queue did not empty');
}

/** A library of a program's cohort, its lead, a member of its team, and a program admin. */
export interface WorkspaceTeam {
  library: Awaited<ReturnType<typeof makeLibrary>>;
  lead: Awaited<ReturnType<typeof makePerson>>;
  member: Awaited<ReturnType<typeof makePerson>>;
  admin: Awaited<ReturnType<typeof makePerson>>;
}

/**
 * Fills an empty database for workspace tests, through the services: the
 * program, a cohort with a $5,000 subgrant and its spending categories, a
 * library in that cohort with a lead and a member, and an admin.
 */
async function prepareWorkspace(server: TestServer): Promise<WorkspaceTeam> {
  const { app } = server;
  await app.services.programs.saveProgram({
    name: 'Small Libraries Create Smart Spaces',
    description: 'A program for small and rural libraries.',
    managerName: 'Morgan Manager',
    managerEmail: 'manager@example.org',
  });
  const cohort = await app.services.programs.createCohort({
    name: 'Cohort 1',
    startsOn: '2026-01-01',
    endsOn: '2027-12-31',
    subgrantCents: 500_000,
    spendingCategories: ['Furniture', 'Technology'],
  });
  const library = await makeLibrary(app, { name: 'Testville Public Library', cohortId: cohort.id });
  const lead = await makePerson(app, { role: 'staff', libraryId: library.id, libraryRole: 'lead', name: 'Lee Lead' });
  const member = await makePerson(app, { role: 'staff', libraryId: library.id, libraryRole: 'member', name: 'Max Member' });
  const admin = await makePerson(app, { role: 'admin' });
  return { library, lead, member, admin };
}

/**
 * The harness of a workspace test file: the team made once (see
 * `prepareWorkspace`; filled in before the first test), mail kept in the
 * outbox, and the lead's page, signed in on first use and kept from test to
 * test so that tests can build on each other's work.
 */
export function useWorkspaceHarness(): { harness: Harness; team: WorkspaceTeam; staffPage(): Promise<Page> } {
  const team = {} as WorkspaceTeam;
  let staff: Page | undefined;
  const harness = useHarness({
    mail: 'outbox',
    async prepare(server) {
      Object.assign(team, await prepareWorkspace(server));
    },
  });
  return {
    harness,
    team,
    async staffPage() {
      if (!staff) {
        staff = await harness.newPage();
        await signIn(staff, harness.server.url, team.lead.email, PASSWORD);
      }
      return staff;
    },
  };
}

/** The accessible name of an optional field's label. */
export const optional = (label: string) => `${label} ${t('form.optional')}`;
