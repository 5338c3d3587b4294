import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { makePerson, PASSWORD } from '../support/factories';
import { navigate, visit } from '../support/browser';
import { linkIn, mailHeader, publishNews, signIn, t, useHarness } from './harness';

// An admin composes an issue from recent content, previews it, tests it,
// sends it to every confirmed subscriber, and watches the sending finish.

const READERS = ['reader.a@example.org', 'reader.b@example.org', 'reader.c@example.org'];
const SUBJECT = 'Smart Spaces news: the first makerspaces open';
const STORY = { title: 'Glenns Ferry opens its makerspace', summary: 'A storage room for videotapes became a place to make things.', body: 'Teens chose the furniture.' };
const OTHER = { title: 'Cornwall trades its reference desk for a teen space', body: 'The reference area became a teen space.' };

let storyPath = '';

const harness = useHarness({
  async prepare(server) {
    await publishNews(server, OTHER);
    ({ path: storyPath } = await publishNews(server, STORY));
    const { newsletter } = server.app.services;
    for (const email of READERS) await newsletter.addConfirmedSubscriber(email);
    // Neither of these two receives the issue: one never confirmed, one left.
    await newsletter.subscribe('not.confirmed@example.org', 'en');
    await newsletter.addConfirmedSubscriber('gone@example.org');
    const gone = (await newsletter.listSubscribers('confirmed', 1)).items.find((s) => s.email === 'gone@example.org');
    assert.ok(gone);
    const link = await newsletter.unsubscribeUrl(gone.id);
    assert.ok(await newsletter.unsubscribe(link.slice(link.lastIndexOf('/') + 1)));
  },
});

/** The value shown for a row of the progress summary, e.g. "Sent" → "2". */
async function progress(page: Page, row: string): Promise<string> {
  const list = page.getByRole('region', { name: t('newsletter.issue.progress') });
  return (await list.locator('div', { has: page.locator('dt', { hasText: new RegExp(`^${row}$`) }) }).locator('dd').innerText()).trim();
}

test('an admin composes an issue, previews and tests it, sends it to confirmed subscribers and watches it finish', async () => {
  const { server, smtp } = harness;
  const admin = await makePerson(server.app, { role: 'admin' });
  const page = await harness.newPage();
  await signIn(page, server.url, admin.email, PASSWORD);

  await navigate(page, () => page.getByRole('navigation').getByRole('link', { name: t('layout.nav.newsletter') }).click());
  assert.equal(new URL(page.url()).pathname, '/newsletter/issues');
  await page.getByText(t('newsletter.issues.empty')).waitFor();
  await navigate(page, () => page.getByRole('link', { name: t('newsletter.issues.new') }).click());

  // A missing subject is refused, keeping what was typed and chosen.
  await page.getByLabel(t('newsletter.field.intro')).fill('Two libraries opened new spaces this month.');
  await page.getByRole('checkbox', { name: STORY.title }).check();
  await navigate(page, () => page.getByRole('button', { name: t('newsletter.compose.submit') }).click());
  await page.getByText(t('newsletter.error.subject')).first().waitFor();
  assert.ok(await page.getByRole('checkbox', { name: STORY.title }).isChecked());
  assert.equal(await page.getByLabel(t('newsletter.field.intro')).inputValue(), 'Two libraries opened new spaces this month.');

  await page.getByLabel(t('newsletter.field.subject')).fill(SUBJECT);
  await navigate(page, () => page.getByRole('button', { name: t('newsletter.compose.submit') }).click());
  assert.match(new URL(page.url()).pathname, /^\/newsletter\/issues\/[^/]+$/);
  const issuePath = new URL(page.url()).pathname;
  await page.getByText(t('newsletter.compose.saved')).waitFor();

  // The preview shows the introduction and the chosen item only.
  const preview = page.getByRole('region', { name: t('newsletter.issue.preview') });
  await preview.getByText('Two libraries opened new spaces this month.').first().waitFor();
  await preview.getByRole('link', { name: STORY.title }).first().waitFor();
  assert.equal(await preview.getByText(OTHER.title).count(), 0);

  // A test copy goes to the admin alone.
  await navigate(page, () => page.getByRole('button', { name: t('newsletter.issue.test') }).click());
  await page.getByText(t('newsletter.test.sent', { email: admin.email })).waitFor();
  const testCopy = await smtp.waitFor((m) => m.to.includes(admin.email));
  assert.equal(testCopy.subject, `${t('newsletter.test.prefix')} ${SUBJECT}`);
  assert.match(testCopy.text, new RegExp(`${server.url}${storyPath}`));
  assert.equal(smtp.messages.filter((m) => READERS.some((r) => m.to.includes(r))).length, 0);

  // Sending asks first, naming how many will receive it.
  await navigate(page, () => page.getByRole('link', { name: t('newsletter.issue.send') }).click());
  await page.getByText(t('newsletter.send.lead', { subject: SUBJECT, count: '3' })).waitFor();
  const response = page.waitForResponse((r) => new URL(r.url()).pathname === issuePath && r.request().method() === 'GET');
  await navigate(page, () => page.getByRole('button', { name: t('newsletter.send.submit', { count: '3' }) }).click());
  assert.equal(new URL(page.url()).pathname, issuePath);
  await page.getByText(t('newsletter.send.started')).waitFor();
  // While sending, the page reloads itself every few seconds, without a script, and says how to stop it.
  assert.equal((await response).headers().refresh, '5');
  await page.getByText(t('newsletter.issue.refreshing')).waitFor();
  assert.equal(await progress(page, t('newsletter.column.status')), t('newsletter.issueStatus.sending'));
  assert.equal(await progress(page, t('newsletter.column.remaining')), '3');

  // The background sender is not running in tests: one copy per batch, and the admin reloads in between.
  const seen: string[] = [];
  for (let round = 0; round < 10; round++) {
    await server.app.services.newsletter.processBatch(1);
    const reload = await visit(page, `${server.url}${issuePath}`);
    const status = await progress(page, t('newsletter.column.status'));
    seen.push(`${status}: ${await progress(page, t('newsletter.column.sent'))} sent, ${await progress(page, t('newsletter.column.remaining'))} left`);
    if (status === t('newsletter.issueStatus.sent')) {
      assert.equal(reload?.headers().refresh, undefined, 'a finished issue stops refreshing');
      break;
    }
    assert.equal(reload?.headers().refresh, '5');
  }
  assert.deepEqual(seen, ['Sending: 1 sent, 2 left', 'Sending: 2 sent, 1 left', 'Sent: 3 sent, 0 left']);
  assert.equal(await progress(page, t('newsletter.column.failed')), '0');
  await page.getByRole('table', { name: t('newsletter.issue.recipients', { total: 3 }) }).waitFor();
  assert.equal(await page.getByRole('cell', { name: t('newsletter.deliveryStatus.sent'), exact: true }).count(), 3);
  // The draft actions are gone once sent.
  assert.equal(await page.getByRole('link', { name: t('newsletter.issue.send') }).count(), 0);

  // Each confirmed reader got one copy with their own unsubscribe link; nobody else got one.
  for (const reader of READERS) {
    const copies = smtp.messages.filter((m) => m.to.includes(reader));
    assert.equal(copies.length, 1, reader);
    const copy = copies[0]!;
    assert.equal(copy.subject, SUBJECT);
    assert.match(copy.raw, /Content-Type: text\/html/i, 'the copy has an HTML part');
    const link = linkIn(copy.text, `${server.url}/newsletter/unsubscribe/`);
    assert.equal(mailHeader(copy, 'List-Unsubscribe'), `<${link}>`);
  }
  assert.equal(smtp.messages.filter((m) => m.to.includes('not.confirmed@example.org') && m.subject === SUBJECT).length, 0);
  assert.equal(smtp.messages.filter((m) => m.to.includes('gone@example.org')).length, 0);

  // The issues list shows the totals, and the public archive has the issue.
  await navigate(page, () => page.getByRole('link', { name: t('newsletter.issue.back') }).click());
  const row = page.getByRole('row', { name: new RegExp(SUBJECT) });
  assert.deepEqual(
    (await row.getByRole('cell').allInnerTexts()).map((cell) => cell.trim()).filter((_, index) => index !== 2),
    [SUBJECT, t('newsletter.issueStatus.sent'), '3', '0', '0'],
  );
  const reader = await harness.newPage();
  await visit(reader, `${server.url}/newsletter`);
  await navigate(reader, () => reader.getByRole('link', { name: SUBJECT }).click());
  await reader.getByRole('heading', { level: 1, name: SUBJECT }).waitFor();
  await reader.getByRole('link', { name: STORY.title }).first().waitFor();
});
