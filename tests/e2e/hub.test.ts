import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { makePerson, makeProgram, PASSWORD } from '../support/factories';
import { navigate, visit } from '../support/browser';
import type { TestServer } from '../support/server';
import {
  linkIn,
  mailHeader,
  navigateWithoutJavaScript,
  newPageWithoutJavaScript,
  publishNews,
  sendQueuedNewsletters,
  signIn,
  t,
  useHarness,
  visitWithoutJavaScript,
} from './harness';

// A visitor's side of the public hub, in a real browser with real mail:
// reading, searching, and the newsletter from subscribing to unsubscribing.

const PROTOTYPES = {
  title: 'Prototyping season in small libraries',
  summary: 'How five libraries tested their ideas with patrons before buying anything.',
  body: 'Greenwich built a flexible classroom from cardboard and tape.\n\nIgnacio made foam-board furniture to scale and asked teens to move it around.',
};
const WISH_TREES = {
  title: 'Wish Trees across Madison',
  body: 'Madison placed Wish Trees at nine sites around town to hear what people hoped for.',
};

let prototypesPath = '';

const harness = useHarness({
  async prepare(server) {
    // The contact form's mail goes to the manager.
    await makeProgram(server.app, { name: 'Small Libraries Create Smart Spaces', managerEmail: 'manager@example.org' });
    const tag = await server.app.services.content.createTag({ kind: 'phase', name: 'Ideate and prototype' });
    ({ path: prototypesPath } = await publishNews(server, { ...PROTOTYPES, tagIds: [tag.id] }));
    await publishNews(server, WISH_TREES);
  },
});

const subscriberStatus = async (server: TestServer, email: string) => {
  const { items } = await server.app.services.newsletter.listSubscribers(undefined, 1);
  return items.find((s) => s.email === email)?.status;
};

/** Fills the subscribe form on the current page and sends it. */
async function subscribe(page: Page, email: string, go = navigate): Promise<void> {
  await page.getByLabel(t('newsletter.field.email')).fill(email);
  await go(page, () => page.getByRole('button', { name: t('newsletter.subscribe.submit') }).click());
  await page.getByRole('heading', { level: 1, name: t('newsletter.check.title') }).waitFor();
}

test('a visitor reads the home page, searches, opens a result, and follows the newsletter from subscribing to unsubscribing', async () => {
  const { server, smtp } = harness;
  const page = await harness.newPage();

  // The home page lists what was added most recently, newest change first.
  await visit(page, `${server.url}/`);
  const recent = page.getByRole('region', { name: t('home.recent.title') });
  const titles = await recent.getByRole('heading', { level: 3 }).allInnerTexts();
  assert.deepEqual(titles, [WISH_TREES.title, PROTOTYPES.title]);
  await recent.getByText(PROTOTYPES.summary).waitFor();

  // Search, from the link in the main navigation.
  await navigate(page, () => page.getByRole('navigation', { name: t('layout.nav.label') }).getByRole('link', { name: t('layout.nav.search') }).click());
  assert.equal(new URL(page.url()).pathname, '/search');
  await page.getByLabel(t('search.field.q')).fill('cardboard');
  await navigate(page, () => page.getByRole('search').getByRole('button', { name: t('search.submit') }).click());
  await page.getByRole('heading', { level: 2, name: t('search.results.one', { q: 'cardboard' }) }).waitFor();
  const results = page.getByRole('region', { name: t('search.results.one', { q: 'cardboard' }) });
  const marks = await results.locator('mark').allInnerTexts();
  assert.ok(marks.length > 0, 'the snippet highlights the match');
  assert.ok(marks.every((mark) => /cardboard/i.test(mark)), `highlighted: ${marks.join(', ')}`);

  // The result leads to the item's page, with its date and tag.
  await navigate(page, () => results.getByRole('link', { name: PROTOTYPES.title }).click());
  assert.equal(new URL(page.url()).pathname, prototypesPath);
  await page.getByRole('heading', { level: 1, name: PROTOTYPES.title }).waitFor();
  await page.getByText('Greenwich built a flexible classroom from cardboard and tape.').waitFor();
  await page.getByRole('link', { name: 'Ideate and prototype' }).waitFor();

  // Subscribing from the home page form sends a confirmation link.
  await visit(page, `${server.url}/`);
  await subscribe(page, 'Reader.Home@Example.org');
  const confirmation = await smtp.waitFor((m) => m.to.includes('reader.home@example.org'));
  assert.equal(confirmation.subject, t('newsletter.confirmMail.subject'));
  const confirmLink = linkIn(confirmation.text, `${server.url}/newsletter/confirm/`);
  assert.equal(await subscriberStatus(server, 'reader.home@example.org'), 'pending');

  // Opening the link asks; pressing the button confirms.
  const inbox = await harness.newPage();
  await visit(inbox, confirmLink);
  assert.equal(await subscriberStatus(server, 'reader.home@example.org'), 'pending');
  await navigate(inbox, () => inbox.getByRole('button', { name: t('newsletter.confirm.submit') }).click());
  await inbox.getByRole('heading', { level: 1, name: t('newsletter.confirmed.title') }).waitFor();
  assert.equal(await subscriberStatus(server, 'reader.home@example.org'), 'confirmed');
  const reused = await visit(inbox, confirmLink);
  assert.equal(reused?.status(), 410);

  // A second reader subscribes from the newsletter page and confirms too.
  const second = await harness.newPage();
  await visit(second, `${server.url}/newsletter`);
  await subscribe(second, 'reader.two@example.org');
  const secondConfirmation = await smtp.waitFor((m) => m.to.includes('reader.two@example.org'));
  await visit(second, linkIn(secondConfirmation.text, `${server.url}/newsletter/confirm/`));
  await navigate(second, () => second.getByRole('button', { name: t('newsletter.confirm.submit') }).click());
  assert.equal(await subscriberStatus(server, 'reader.two@example.org'), 'confirmed');

  // Later an issue goes out.
  const { newsletter } = server.app.services;
  const items = await server.app.services.content.recent(2);
  const issueId = await newsletter.createIssue({ subject: 'Smart Spaces news for March', intro: 'What the libraries tried this month.', itemIds: items.map((i) => i.id) }, null);
  assert.ok(await newsletter.startSending(issueId));
  await sendQueuedNewsletters(server);

  const issue = await smtp.waitFor((m) => m.to.includes('reader.home@example.org') && m.subject === 'Smart Spaces news for March');
  assert.match(issue.text, new RegExp(`${server.url}${prototypesPath}`));
  assert.equal(mailHeader(issue, 'List-Unsubscribe-Post'), 'List-Unsubscribe=One-Click');
  const unsubscribeLink = linkIn(issue.text, `${server.url}/newsletter/unsubscribe/`);
  assert.equal(mailHeader(issue, 'List-Unsubscribe'), `<${unsubscribeLink}>`);

  // The link in the email: one press of the button, no signing in.
  await visit(inbox, unsubscribeLink);
  await inbox.getByText(t('newsletter.unsubscribe.lead', { email: 'reader.home@example.org' })).waitFor();
  await navigate(inbox, () => inbox.getByRole('button', { name: t('newsletter.unsubscribe.submit') }).click());
  await inbox.getByRole('heading', { level: 1, name: t('newsletter.unsubscribed.title') }).waitFor();
  assert.equal(await subscriberStatus(server, 'reader.home@example.org'), 'unsubscribed');
  // The link still answers afterwards, saying so.
  await visit(inbox, unsubscribeLink);
  await inbox.getByRole('heading', { level: 1, name: t('newsletter.unsubscribed.title') }).waitFor();

  // The second reader's mail client uses the RFC 8058 header: a bare POST, no cookies, no token.
  const secondIssue = await smtp.waitFor((m) => m.to.includes('reader.two@example.org') && m.subject === 'Smart Spaces news for March');
  const oneClick = /^<(.+)>$/.exec(mailHeader(secondIssue, 'List-Unsubscribe') ?? '')?.[1];
  assert.ok(oneClick && oneClick.startsWith(`${server.url}/newsletter/unsubscribe/`), `List-Unsubscribe: ${oneClick}`);
  const answer = await fetch(oneClick, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'List-Unsubscribe=One-Click',
  });
  assert.equal(answer.status, 200);
  assert.equal(await subscriberStatus(server, 'reader.two@example.org'), 'unsubscribed');
});

test('the hub works with JavaScript turned off: home, an item, search, and subscribing', async () => {
  const { server, smtp } = harness;
  const page = await newPageWithoutJavaScript(harness.browser);
  try {
    assert.equal((await visitWithoutJavaScript(page, `${server.url}/`))?.status(), 200);
    await page.getByRole('region', { name: t('home.recent.title') }).getByRole('link', { name: PROTOTYPES.title }).waitFor();

    await navigateWithoutJavaScript(page, () => page.getByRole('link', { name: PROTOTYPES.title }).click());
    assert.equal(new URL(page.url()).pathname, prototypesPath);
    await page.getByRole('heading', { level: 1, name: PROTOTYPES.title }).waitFor();

    // The search form is a plain GET form, filters included.
    await navigateWithoutJavaScript(page, () => page.getByRole('link', { name: t('layout.nav.search') }).click());
    await page.getByLabel(t('search.field.q')).fill('wish trees');
    await page.getByLabel(t('search.field.type')).selectOption('news');
    await navigateWithoutJavaScript(page, () => page.getByRole('button', { name: t('search.submit') }).click());
    const address = new URL(page.url());
    assert.equal(address.searchParams.get('q'), 'wish trees');
    assert.equal(address.searchParams.get('type'), 'news');
    await page.getByRole('heading', { level: 2, name: t('search.results.one', { q: 'wish trees' }) }).waitFor();
    await page.getByRole('link', { name: WISH_TREES.title }).waitFor();
    assert.ok((await page.locator('mark').count()) > 0);

    // A search with no match says so and offers ways on.
    await visitWithoutJavaScript(page, `${server.url}/search?q=zeppelin`);
    await page.getByRole('heading', { level: 2, name: t('search.empty.title', { q: 'zeppelin' }) }).waitFor();

    // A malformed address is refused with the form kept; a good one is accepted.
    await visitWithoutJavaScript(page, `${server.url}/`);
    await page.getByLabel(t('newsletter.field.email')).fill('not an address');
    await navigateWithoutJavaScript(page, () => page.getByRole('button', { name: t('newsletter.subscribe.submit') }).click());
    await page.getByText(t('newsletter.error.email')).first().waitFor();
    assert.equal(await page.getByLabel(t('newsletter.field.email')).inputValue(), 'not an address');
    await subscribe(page, 'no.script@example.org', navigateWithoutJavaScript);

    // Confirming works without JavaScript too.
    const mail = await smtp.waitFor((m) => m.to.includes('no.script@example.org'));
    await visitWithoutJavaScript(page, linkIn(mail.text, `${server.url}/newsletter/confirm/`));
    await navigateWithoutJavaScript(page, () => page.getByRole('button', { name: t('newsletter.confirm.submit') }).click());
    await page.getByRole('heading', { level: 1, name: t('newsletter.confirmed.title') }).waitFor();
    assert.equal(await subscriberStatus(server, 'no.script@example.org'), 'confirmed');
  } finally {
    await page.context().close();
  }
});

test('a visitor writes to the program manager, who gets the email and finds the message under Messages', async () => {
  const { server, smtp } = harness;
  const page = await harness.newPage();
  await visit(page, `${server.url}/`);
  await navigate(page, () => page.getByRole('link', { name: t('home.follow.contact') }).click());
  assert.equal(new URL(page.url()).pathname, '/contact');

  // An empty message is refused, keeping the rest.
  await page.getByLabel(t('contact.field.name')).fill('Pat Reader');
  await page.getByLabel(t('contact.field.email')).fill('pat.reader@example.org');
  await navigate(page, () => page.getByRole('button', { name: t('contact.submit') }).click());
  await page.getByText(t('contact.error.message')).first().waitFor();
  assert.equal(await page.getByLabel(t('contact.field.name')).inputValue(), 'Pat Reader');
  await page.getByLabel(t('contact.field.message')).fill('How can our library join the next cohort?');
  await navigate(page, () => page.getByRole('button', { name: t('contact.submit') }).click());
  assert.equal(new URL(page.url()).pathname, '/contact/thanks');
  await page.getByRole('heading', { level: 1, name: t('contact.thanks.title') }).waitFor();

  const mail = await smtp.waitFor((m) => m.to.includes('manager@example.org'));
  assert.match(mail.text, /How can our library join the next cohort\?/);
  assert.equal(mailHeader(mail, 'Reply-To'), 'pat.reader@example.org');
  const link = linkIn(mail.text, `${server.url}/messages/`);

  const admin = await makePerson(server.app, { role: 'admin' });
  const adminPage = await harness.newPage();
  await signIn(adminPage, server.url, admin.email, PASSWORD);
  await visit(adminPage, link);
  await adminPage.getByText('How can our library join the next cohort?').waitFor();
  await adminPage.getByRole('link', { name: t('contact.message.reply') }).waitFor();
});
