import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { seedDemo, DEMO_PASSWORD } from '../../src/demo/seed';
import { visit } from '../support/browser';
import { signIn, useHarness } from './harness';

// A walk through every page each demo role can reach, on the demo program,
// so that axe-core checks every page and every state the demo shows. Mail is
// kept in the outbox here, so the outbox has something to show.
const harness = useHarness({
  mail: 'outbox',
  async prepare({ app }) {
    await seedDemo(app.services, app.database.db);
    // One kept message for the outbox pages.
    await app.services.accounts.requestPasswordReset('staff.madison@example.org');
  },
});

const GLENNS_FERRY = 'glenns-ferry-public-library';
const MADISON = 'madison-public-library';

/** Visits each path (checked by axe-core) and asserts the status it answers with. */
async function tour(page: Page, stops: [path: string, status: number][]): Promise<void> {
  for (const [path, status] of stops) {
    const response = await visit(page, `${harness.server.url}${path}`);
    assert.equal(response?.status(), status, `${path} answered ${response?.status()}`);
  }
}

const idOf = async (email: string) => {
  const person = await harness.server.app.services.accounts.findPersonByEmail(email);
  assert.ok(person, email);
  return person.id;
};

test('a visitor sees the public pages, and private ones send them to sign in', async () => {
  const page = await harness.newPage();
  await tour(page, [
    ['/', 200],
    ['/sign-in', 200],
    ['/forgot-password', 200],
    ['/setup', 404],
    ['/invitations/not-a-real-token', 404],
    ['/no-such-page', 404],
  ]);
  await visit(page, `${harness.server.url}/people`);
  assert.equal(new URL(page.url()).pathname, '/sign-in');
});

test('the program admin reaches every administration page', async () => {
  const page = await harness.newPage();
  await signIn(page, harness.server.url, 'admin@example.org', DEMO_PASSWORD);
  const lead = await idOf('lead.glennsferry@example.org');
  const member = await idOf('staff.glennsferry@example.org');
  const [cohort] = await harness.server.app.services.programs.listCohorts();
  const { items: [message] } = await harness.server.app.services.mail.listOutbox(1);
  assert.ok(cohort && message);
  await tour(page, [
    ['/dashboard', 200],
    ['/libraries', 200],
    ['/libraries?state=ID', 200],
    ['/libraries/new', 200],
    [`/libraries/${GLENNS_FERRY}`, 200],
    [`/libraries/${GLENNS_FERRY}/edit`, 200],
    [`/libraries/${GLENNS_FERRY}/invite`, 200],
    [`/libraries/${GLENNS_FERRY}/members/${member}/remove`, 200],
    ['/libraries/no-such-library', 404],
    ['/people', 200],
    ['/people?role=coach', 200],
    ['/people?q=nobody-matches-this', 200],
    ['/people/invite', 200],
    [`/people/${lead}`, 200],
    [`/people/${lead}/edit`, 200],
    [`/people/${lead}/deactivate`, 200],
    ['/people/no-such-person', 404],
    ['/program', 200],
    ['/program/edit', 200],
    ['/program/cohorts/new', 200],
    [`/program/cohorts/${cohort.id}/edit`, 200],
    ['/outbox', 200],
    [`/outbox/${message.id}`, 200],
    ['/account', 200],
    ['/account/profile', 200],
    ['/account/password', 200],
    ['/account/sessions', 200],
  ]);
});

test('a library lead sees their library and team, and not another library', async () => {
  const page = await harness.newPage();
  await signIn(page, harness.server.url, 'lead.glennsferry@example.org', DEMO_PASSWORD);
  const member = await idOf('staff.glennsferry@example.org');
  await tour(page, [
    ['/dashboard', 200],
    ['/libraries', 200],
    [`/libraries/${GLENNS_FERRY}`, 200],
    [`/libraries/${GLENNS_FERRY}/invite`, 200],
    [`/libraries/${GLENNS_FERRY}/members/${member}/remove`, 200],
    [`/libraries/${MADISON}`, 403],
    ['/people', 403],
  ]);
});

test('a coach sees the libraries they coach', async () => {
  const page = await harness.newPage();
  await signIn(page, harness.server.url, 'coach.dana@example.org', DEMO_PASSWORD);
  await tour(page, [
    ['/dashboard', 200],
    ['/libraries', 200],
    [`/libraries/${GLENNS_FERRY}`, 200],
    [`/libraries/${GLENNS_FERRY}/invite`, 403],
    ['/program', 403],
  ]);
});

test('a Spanish-speaking staff member gets the pages in Spanish', async () => {
  const page = await harness.newPage();
  await signIn(page, harness.server.url, 'staff.ignacio@example.org', DEMO_PASSWORD);
  await tour(page, [
    ['/dashboard', 200],
    ['/libraries/ignacio-community-library', 200],
    ['/account/profile', 200],
    ['/account/sessions', 200],
  ]);
  assert.equal(await page.locator('html').getAttribute('lang'), 'es');
});
