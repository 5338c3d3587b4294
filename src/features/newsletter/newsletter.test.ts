import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import type { ColumnNode, ColumnUpdateNode, KyselyPlugin, RootOperationNode, TableNode, ValueNode } from 'kysely';
import { buildTestApp, createTestApp, type TestApp } from '../../../tests/support/app';
import { manualClock } from '../../../tests/support/clock';
import { createTestDatabase, type TestDatabase } from '../../../tests/support/database';
import { TestClient } from '../../../tests/support/client';
import { makeLibrary, makePerson, PASSWORD, signedInClient } from '../../../tests/support/factories';
import { startTestSmtp, type ReceivedMail, type TestSmtp } from '../../../tests/support/smtp';
import { COPY_JOB, INTERRUPTED } from './service';

/** The value of a header in a raw message, unfolded. */
function header(mail: ReceivedMail, name: string): string | undefined {
  const head = mail.raw.split(/\r?\n\r?\n/)[0] ?? '';
  const unfolded = head.replace(/\r?\n[ \t]+/g, ' ');
  const line = unfolded.split(/\r?\n/).find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`));
  return line?.slice(name.length + 1).trim();
}

/** The path of the first link to this site in a mail's text that starts with `prefix`. */
function linkIn(mail: ReceivedMail, prefix: string): string {
  const match = new RegExp(`http://smartspaces\\.test(${prefix}[A-Za-z0-9_.\\-]+)`).exec(mail.text);
  assert.ok(match, `no ${prefix} link in: ${mail.text}`);
  return match[1]!;
}

/** Posts a form as a mail client or a bot would: no cookies, no CSRF token. */
function postBare(app: FastifyInstance, url: string, body: string, contentType = 'application/x-www-form-urlencoded') {
  return app.inject({ method: 'POST', url, payload: body, headers: { 'content-type': contentType } });
}

const subscriberRow = (app: FastifyInstance, email: string) =>
  app.database.db.selectFrom('newsletter_subscribers').selectAll().where('email', '=', email).executeTakeFirst();

async function publishItem(app: FastifyInstance, title: string) {
  const { content } = app.services;
  const item = await content.createItem(
    {
      type: 'news',
      title,
      summary: `About ${title}.`,
      body: `All about ${title}.`,
      libraryId: null,
      imageId: null,
      links: [],
      sections: null,
      tagIds: [],
    },
    null,
  );
  await content.publish(item.id, undefined, null);
  return item;
}

/** Sends batches until nothing is left, as the worker would. */
async function drain(app: FastifyInstance) {
  for (let i = 0; i < 1000; i++) {
    const { sent, failed } = await app.services.newsletter.processBatch();
    if (sent + failed === 0) return;
  }
  throw new Error('the queue did not drain');
}

describe('the newsletter, end to end with real mail', () => {
  let smtp: TestSmtp;
  let t: TestApp;
  let admin: TestClient;
  let adminEmail: string;

  before(async () => {
    smtp = await startTestSmtp();
    t = await createTestApp({ smtpUrl: smtp.url });
    const person = await makePerson(t.app, { role: 'admin' });
    adminEmail = person.email;
    admin = new TestClient(t.app);
    await admin.signIn(person.email, PASSWORD);
  });
  after(async () => {
    await t.close();
    await smtp.close();
  });

  it('shows a cacheable subscribe form with a hidden honeypot and no CSRF token', async () => {
    const page = await new TestClient(t.app).get('/newsletter');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<h1>Newsletter<\/h1>/);
    assert.match(page.body, /action="\/newsletter\/subscribe"/);
    assert.ok(!page.body.includes('name="_csrf"'));
    assert.match(page.body, /<div class="honeypot" aria-hidden="true"><label for="field-website">[^<]+<\/label><input id="field-website" name="website" type="text" tabindex="-1"/);
    assert.match(page.body, /No issues have been sent yet/);
    const spanish = await new TestClient(t.app).get('/newsletter?lang=es');
    assert.match(spanish.body, /<h1>Boletín<\/h1>/);
  });

  it('subscribes, confirms through the emailed link, sends an issue with one-click unsubscribe, and stops after it', async () => {
    const reader = 'Reader.One@Example.org';
    const answer = await postBare(t.app, '/newsletter/subscribe', `email=${encodeURIComponent(reader)}&website=`);
    assert.equal(answer.statusCode, 200);
    assert.match(answer.body, /Check your email/);
    assert.equal((await subscriberRow(t.app, 'reader.one@example.org'))?.status, 'pending');

    const confirmation = await smtp.waitFor((m) => m.to.includes('reader.one@example.org'));
    assert.match(confirmation.subject, /Confirm your subscription/);
    const confirmPath = linkIn(confirmation, '/newsletter/confirm/');

    // Following the link (as a mail scanner might) only asks; the button confirms.
    const visitor = new TestClient(t.app);
    const ask = await visitor.get(confirmPath);
    assert.equal(ask.statusCode, 200);
    assert.match(ask.body, /Confirm my subscription/);
    assert.equal((await subscriberRow(t.app, 'reader.one@example.org'))?.status, 'pending');
    const confirmed = await visitor.post(confirmPath);
    assert.equal(confirmed.statusCode, 200);
    assert.match(confirmed.body, /You are subscribed/);
    assert.equal((await subscriberRow(t.app, 'reader.one@example.org'))?.status, 'confirmed');

    const reused = await visitor.get(confirmPath);
    assert.equal(reused.statusCode, 410);
    assert.match(reused.body, /already been used/);
    assert.equal((await visitor.post(confirmPath)).statusCode, 410);

    const item = await publishItem(t.app, 'A makerspace in a storage room');
    const form = await admin.get('/newsletter/issues/new');
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /A makerspace in a storage room/);
    const created = await admin.post('/newsletter/issues/new', {
      subject: 'Spring news',
      intro: 'Hello **libraries**.\n\n<script>alert(1)</script>',
      items: [item.id, 'forged-id'],
    });
    assert.equal(created.statusCode, 303);
    const issuePath = String(created.headers.location);
    const issueId = issuePath.split('/').pop()!;
    const preview = await admin.get(issuePath);
    assert.equal(preview.statusCode, 200);
    assert.match(preview.body, /<strong>libraries<\/strong>/);
    assert.ok(!preview.body.includes('<script>alert'));
    assert.match(preview.body, /href="\/news\/[^"]+">A makerspace in a storage room<\/a>/);
    assert.match(preview.body, /<pre class="mail">Spring news/);
    const stored = await t.app.services.newsletter.getIssue(issueId);
    assert.deepEqual(stored?.itemIds, [item.id]);

    const test = await admin.post(`${issuePath}/test`);
    assert.equal(test.statusCode, 303);
    const testCopy = await smtp.waitFor((m) => m.to.includes(adminEmail));
    assert.equal(testCopy.subject, '[Test] Spring news');

    const confirmSend = await admin.get(`${issuePath}/send`);
    assert.match(confirmSend.body, /will be emailed to 1 confirmed subscribers/);
    assert.equal((await admin.post(`${issuePath}/send`)).statusCode, 303);
    const sending = await admin.get(issuePath);
    assert.equal(sending.headers.refresh, '5');
    assert.match(sending.body, /href="[^"]+\?refresh=off">Stop refreshing/);
    assert.equal((await admin.get(`${issuePath}?refresh=off`)).headers.refresh, undefined);
    // A second click does not queue anyone twice.
    await admin.post(`${issuePath}/send`);

    await drain(t.app);
    const issueMail = await smtp.waitFor((m) => m.subject === 'Spring news' && m.to.includes('reader.one@example.org'));
    const listUnsubscribe = header(issueMail, 'List-Unsubscribe');
    assert.match(listUnsubscribe ?? '', /^<http:\/\/smartspaces\.test\/newsletter\/unsubscribe\/[^>]+>$/);
    assert.equal(header(issueMail, 'List-Unsubscribe-Post'), 'List-Unsubscribe=One-Click');
    assert.match(header(issueMail, 'Content-Type') ?? '', /multipart\/alternative/);
    assert.match(issueMail.raw, /Content-Type: text\/html/);
    assert.match(issueMail.text, /http:\/\/smartspaces\.test\/news\//);
    assert.match(issueMail.text, /Unsubscribe: http:\/\/smartspaces\.test\/newsletter\/unsubscribe\//);

    const done = await admin.get(issuePath);
    assert.equal(done.headers.refresh, undefined);
    assert.ok(!done.body.includes('Stop refreshing'));
    assert.match(done.body, /reader\.one@example\.org/);
    const archive = await new TestClient(t.app).get(`/newsletter/archive/${issueId}`);
    assert.equal(archive.statusCode, 200);
    assert.match(archive.body, /<h1>Spring news<\/h1>/);
    assert.match((await new TestClient(t.app).get('/newsletter')).body, new RegExp(`href="/newsletter/archive/${issueId}">Spring news`));

    // The link in the header: a GET asks, a bare POST (what mail clients send) unsubscribes.
    const unsubscribePath = new URL(listUnsubscribe!.slice(1, -1)).pathname;
    const page = await new TestClient(t.app).get(unsubscribePath);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /reader\.one@example\.org/);
    assert.equal((await subscriberRow(t.app, 'reader.one@example.org'))?.status, 'confirmed');
    const oneClick = await postBare(t.app, unsubscribePath, 'List-Unsubscribe=One-Click');
    assert.equal(oneClick.statusCode, 200);
    assert.match(oneClick.body, /You are unsubscribed/);
    assert.equal((await subscriberRow(t.app, 'reader.one@example.org'))?.status, 'unsubscribed');
    const again = await postBare(t.app, unsubscribePath, '--x\r\nContent-Disposition: form-data; name="List-Unsubscribe"\r\n\r\nOne-Click\r\n--x--\r\n', 'multipart/form-data; boundary=x');
    assert.equal(again.statusCode, 200);
    assert.match((await new TestClient(t.app).get(unsubscribePath)).body, /You are unsubscribed/);

    // The old confirmation link cannot subscribe the address again.
    assert.equal((await new TestClient(t.app).get(confirmPath)).statusCode, 404);

    const second = await t.app.services.newsletter.createIssue({ subject: 'Summer news', intro: 'Hi', itemIds: [] }, null);
    await t.app.services.newsletter.addConfirmedSubscriber('someone.else@example.org');
    assert.equal(await t.app.services.newsletter.startSending(second), true);
    await drain(t.app);
    await smtp.waitFor((m) => m.subject === 'Summer news');
    assert.ok(!smtp.messages.some((m) => m.subject === 'Summer news' && m.to.includes('reader.one@example.org')));
  });

  it('keeps one subscriber and sends one confirmation for a double click or a resubmit', async () => {
    const body = 'email=double%40example.org';
    const answers = await Promise.all([postBare(t.app, '/newsletter/subscribe', body), postBare(t.app, '/newsletter/subscribe', body)]);
    answers.push(await postBare(t.app, '/newsletter/subscribe', 'email=DOUBLE%40example.org'));
    for (const answer of answers) assert.match(answer.body, /Check your email/);
    const rows = await t.app.database.db.selectFrom('newsletter_subscribers').select('id').where('email', '=', 'double@example.org').execute();
    assert.equal(rows.length, 1);
    // The confirmation is sent before the answer, so once all three answers are
    // back every message the server will send has reached the SMTP server.
    assert.equal(smtp.messages.filter((m) => m.to.includes('double@example.org')).length, 1);
  });

  it('gives a bot that fills the honeypot the same page and stores nothing', async () => {
    const answer = await postBare(t.app, '/newsletter/subscribe', 'email=bot%40example.org&website=http%3A%2F%2Fspam.example');
    assert.equal(answer.statusCode, 200);
    assert.match(answer.body, /Check your email/);
    assert.equal(await subscriberRow(t.app, 'bot@example.org'), undefined);
  });

  it('says when a confirmation link has expired, and lets the person subscribe again', async () => {
    await postBare(t.app, '/newsletter/subscribe', 'email=late%40example.org');
    const mail = await smtp.waitFor((m) => m.to.includes('late@example.org'));
    const path = linkIn(mail, '/newsletter/confirm/');
    const past = new Date(Date.now() - 8 * 24 * 3600_000).toISOString();
    await t.app.database.db
      .updateTable('newsletter_subscribers')
      .set({ token_expires_at: past, confirmation_sent_at: past })
      .where('email', '=', 'late@example.org')
      .execute();
    const expired = await new TestClient(t.app).get(path);
    assert.equal(expired.statusCode, 410);
    assert.match(expired.body, /has expired/);
    assert.match(expired.body, /href="\/newsletter">Subscribe again/);
    assert.equal((await new TestClient(t.app).post(path)).statusCode, 410);
    assert.equal((await subscriberRow(t.app, 'late@example.org'))?.status, 'pending');

    await postBare(t.app, '/newsletter/subscribe', 'email=late%40example.org');
    await smtp.waitFor((m) => m.to.includes('late@example.org') && m !== mail);
    const fresh = smtp.messages.filter((m) => m.to.includes('late@example.org')).at(-1)!;
    const client = new TestClient(t.app);
    await client.get(linkIn(fresh, '/newsletter/confirm/'));
    assert.match((await client.post(linkIn(fresh, '/newsletter/confirm/'))).body, /You are subscribed/);
  });
});

describe('newsletter forms and links refuse bad input', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  it('re-renders the form with a clear error, storing nothing', async () => {
    const cases: Array<[string, string]> = [
      ['email=', 'Enter an email address in the correct format'],
      ['email=not-an-email', 'Enter an email address in the correct format'],
      [`email=${'a'.repeat(100_000)}%40example.org`, 'Email address must be 254 characters or fewer'],
      ['website=', 'Enter an email address in the correct format'],
    ];
    for (const [body, message] of cases) {
      const answer = await postBare(t.app, '/newsletter/subscribe', body);
      assert.equal(answer.statusCode, 400, body.slice(0, 30));
      assert.ok(answer.body.includes('There is a problem') && answer.body.includes(message), body.slice(0, 30));
    }
    assert.match((await postBare(t.app, '/newsletter/subscribe', 'email=not-an-email')).body, /value="not-an-email"/);
    // A field sent twice keeps its first value, as for every form.
    assert.equal((await postBare(t.app, '/newsletter/subscribe', 'email=a%40example.org&email=b%40example.org')).statusCode, 200);
    const { items } = await t.app.services.newsletter.listSubscribers(undefined, 1);
    assert.deepEqual(items.map((row) => row.email), ['a@example.org']);
  });

  it('answers 404 for unknown or forged confirmation and unsubscribe links', async () => {
    const client = new TestClient(t.app);
    assert.equal((await client.get('/newsletter/confirm/nonsense')).statusCode, 404);
    assert.equal((await client.post('/newsletter/confirm/nonsense')).statusCode, 404);
    await t.app.services.newsletter.addConfirmedSubscriber('kept@example.org');
    const real = await t.app.services.newsletter.unsubscribeUrl((await subscriberRow(t.app, 'kept@example.org'))!.id);
    const path = new URL(real).pathname;
    const forged = `${path.slice(0, -3)}abc`;
    for (const url of [forged, '/newsletter/unsubscribe/nonsense', `/newsletter/unsubscribe/${'x'.repeat(150)}`]) {
      assert.equal((await client.get(url)).statusCode, 404, url);
      assert.equal((await postBare(t.app, url, '')).statusCode, 404, url);
    }
    assert.equal((await subscriberRow(t.app, 'kept@example.org'))?.status, 'confirmed');
    assert.equal((await client.get('/newsletter/archive/no-such-issue')).statusCode, 404);
  });

  it('limits subscribe requests per address', async () => {
    const limited = await createTestApp({}, { rateLimitPerMinute: 100_000 });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 12; i++) codes.push((await postBare(limited.app, '/newsletter/subscribe', `email=r${i}%40example.org`)).statusCode);
      assert.deepEqual(codes.slice(0, 10), Array(10).fill(200));
      assert.equal(codes[10], 429);
    } finally {
      await limited.close();
    }
  });
});

describe('sending to many subscribers survives a restart', () => {
  let smtp: TestSmtp;
  let t: TestApp;
  let admin: TestClient;
  const TOTAL = 300;

  before(async () => {
    smtp = await startTestSmtp();
    // A pooled connection, as a large list should be sent (SMTP_URL=…?pool=true).
    t = await createTestApp({ smtpUrl: `${smtp.url}?pool=true` });
    admin = (await signedInClient(t.app, { role: 'admin' })).client;
    for (let i = 0; i < TOTAL; i++) await t.app.services.newsletter.addConfirmedSubscriber(`reader-${String(i).padStart(3, '0')}@example.org`);
  });
  after(async () => {
    await t.close();
    await smtp.close();
  });

  it('sends each copy at most once, flags interrupted ones, and retries failures', async () => {
    const { newsletter } = t.app.services;
    const issueId = await newsletter.createIssue({ subject: 'Big issue', intro: 'For everyone.', itemIds: [] }, null);
    const issuePath = `/newsletter/issues/${issueId}`;
    assert.match((await admin.get(`${issuePath}/send`)).body, /Send to 300 subscribers/);
    assert.equal((await admin.post(`${issuePath}/send`)).statusCode, 303);

    for (let i = 0; i < 5; i++) await newsletter.processBatch();
    // The process is killed just after claiming the next batch: its copies
    // may or may not have left.
    await t.app.database.db
      .updateTable('newsletter_deliveries')
      .set({ status: 'claimed', claim_id: 'killed-process', claimed_at: new Date().toISOString() })
      .where('issue_id', '=', issueId)
      .where('subscriber_id', 'in', (eb) =>
        eb.selectFrom('newsletter_deliveries').select('subscriber_id').where('issue_id', '=', issueId).where('status', '=', 'pending').orderBy('subscriber_id').limit(20),
      )
      .execute();
    let issue = await newsletter.getIssue(issueId);
    assert.deepEqual(issue?.counts, { pending: 180, claimed: 20, sent: 100, failed: 0 });

    // Restart: the worker first flags what was interrupted, then carries on.
    await t.app.services.jobs.start();
    await t.app.services.jobs.stop();
    issue = await newsletter.getIssue(issueId);
    assert.deepEqual(issue?.counts, { pending: 180, claimed: 0, sent: 100, failed: 20 });
    await drain(t.app);
    issue = await newsletter.getIssue(issueId);
    assert.equal(issue?.status, 'sent');
    assert.deepEqual(issue?.counts, { pending: 0, claimed: 0, sent: 280, failed: 20 });
    const progress = await admin.get(issuePath);
    assert.match(progress.body, /Retry failed copies \(20\)/);
    // Recipients are listed by address, so the flagged copies may be on any page.
    const pages = [];
    for (let page = 1; page <= 12; page++) pages.push((await admin.get(`${issuePath}?page=${page}`)).body);
    assert.equal(pages.join('').split('interrupted — may or may not have been delivered').length - 1, 20);
    assert.match(progress.body, /Page 1 of 12/);

    const copies = () => smtp.messages.filter((m) => m.subject === 'Big issue');
    await smtp.waitFor(() => copies().length >= 280);
    assert.equal(copies().length, 280);
    assert.equal(new Set(copies().map((m) => m.to[0])).size, 280);

    assert.equal((await admin.post(`${issuePath}/retry`)).statusCode, 303);
    assert.equal((await newsletter.getIssue(issueId))?.status, 'sending');
    await drain(t.app);
    issue = await newsletter.getIssue(issueId);
    assert.deepEqual(issue?.counts, { pending: 0, claimed: 0, sent: 300, failed: 0 });
    assert.equal(issue?.status, 'sent');
    await smtp.waitFor(() => copies().length >= 300);
    assert.equal(copies().length, 300);
    assert.equal(new Set(copies().map((m) => m.to[0])).size, 300);
    const stale = await t.app.database.db.selectFrom('newsletter_deliveries').select('last_error').where('last_error', '=', INTERRUPTED).execute();
    assert.equal(stale.length, 0);
  });
});

/** Whether a statement records a copy as sent: `update newsletter_deliveries set status = 'sent'`. */
function recordsSent(node: RootOperationNode): boolean {
  if (node.kind !== 'UpdateQueryNode' || node.table?.kind !== 'TableNode') return false;
  if ((node.table as TableNode).table.identifier.name !== 'newsletter_deliveries') return false;
  return (node.updates ?? []).some((update: ColumnUpdateNode) => {
    const column = update.column as ColumnNode;
    return column.column?.name === 'status' && update.value.kind === 'ValueNode' && (update.value as ValueNode).value === 'sent';
  });
}

describe('a copy SMTP accepted but the database would not record as sent', () => {
  let smtp: TestSmtp;
  let testDatabase: TestDatabase;
  let app: FastifyInstance;
  const clock = manualClock();
  // The database goes away just as the copy is to be marked sent, and comes back later.
  let refusing = true;
  const fault: KyselyPlugin = {
    transformQuery({ node }) {
      if (refusing && recordsSent(node)) throw new Error('Connection terminated unexpectedly');
      return node;
    },
    transformResult: async ({ result }) => result,
  };

  before(async () => {
    smtp = await startTestSmtp();
    testDatabase = await createTestDatabase();
    const { database } = testDatabase;
    app = await buildTestApp({ ...database, db: database.db.withPlugin(fault) }, { smtpUrl: smtp.url }, { clock: clock.now });
  });
  after(async () => {
    await app.close();
    await testDatabase.destroy();
    await smtp.close();
  });

  it('is flagged as interrupted by the next run, not as refused, and not sent again', async () => {
    const { newsletter, jobs } = app.services;
    await newsletter.addConfirmedSubscriber('reader@example.org');
    const issueId = await newsletter.createIssue({ subject: 'Recorded?', intro: '', itemIds: [] }, null);
    assert.equal(await newsletter.startSending(issueId), true);
    const [first] = await jobs.runDue({ kinds: [COPY_JOB] });
    assert.deepEqual({ status: first?.status, error: first?.error }, { status: 'retrying', error: 'Connection terminated unexpectedly' });
    assert.deepEqual((await newsletter.getIssue(issueId))?.counts, { pending: 0, claimed: 1, sent: 0, failed: 0 });

    refusing = false;
    const retry = await testDatabase.database.db.selectFrom('jobs').select('run_at').where('kind', '=', COPY_JOB).executeTakeFirstOrThrow();
    clock.advance(Date.parse(retry.run_at) - clock.now());
    const [second] = await jobs.runDue({ kinds: [COPY_JOB] });
    assert.deepEqual({ status: second?.status, result: second?.result }, { status: 'done', result: 'interrupted' });
    const issue = await newsletter.getIssue(issueId);
    assert.equal(issue?.status, 'sent');
    assert.deepEqual(issue?.counts, { pending: 0, claimed: 0, sent: 0, failed: 1 });
    const { items } = await newsletter.listDeliveries(issueId, 1);
    assert.deepEqual(items.map((row) => row.last_error), [INTERRUPTED]);
    assert.equal(smtp.messages.filter((m) => m.subject === 'Recorded?' && m.to.includes('reader@example.org')).length, 1);
  });
});

describe('sending when the SMTP server refuses', () => {
  let t: TestApp;
  before(async () => {
    // Nothing listens on port 9, so every copy fails.
    t = await createTestApp({ smtpUrl: 'smtp://127.0.0.1:9' });
  });
  after(() => t.close());

  it('marks copies failed with the reason and queues them again on retry', async () => {
    const { newsletter } = t.app.services;
    await newsletter.addConfirmedSubscriber('one@example.org');
    await newsletter.addConfirmedSubscriber('two@example.org');
    const issueId = await newsletter.createIssue({ subject: 'Down', intro: '', itemIds: [] }, null);
    await newsletter.startSending(issueId);
    await drain(t.app);
    let issue = await newsletter.getIssue(issueId);
    assert.deepEqual(issue?.counts, { pending: 0, claimed: 0, sent: 0, failed: 2 });
    assert.equal(issue?.status, 'sent');
    const { items } = await newsletter.listDeliveries(issueId, 1);
    assert.ok(items.every((row) => row.last_error && row.attempts === 1));
    assert.equal(await newsletter.retryFailed(issueId), 2);
    issue = await newsletter.getIssue(issueId);
    assert.equal(issue?.status, 'sending');
    assert.equal(issue?.counts.pending, 2);
  });
});

describe('newsletter administration', () => {
  let t: TestApp;
  let admin: TestClient;

  before(async () => {
    t = await createTestApp();
    admin = (await signedInClient(t.app, { role: 'admin' })).client;
  });
  after(() => t.close());

  it('is for program admins only', async () => {
    const library = await makeLibrary(t.app);
    const staff = await makePerson(t.app, { role: 'staff', libraryId: library.id, libraryRole: 'lead' });
    const staffClient = new TestClient(t.app);
    await staffClient.signIn(staff.email, PASSWORD);
    const issueId = await t.app.services.newsletter.createIssue({ subject: 'Private', intro: '', itemIds: [] }, null);
    for (const url of ['/newsletter/issues', '/newsletter/issues/new', `/newsletter/issues/${issueId}`, '/newsletter/subscribers', '/newsletter/subscribers.csv']) {
      const away = await new TestClient(t.app).get(url);
      assert.equal(away.statusCode, 303, url);
      assert.match(String(away.headers.location), /^\/sign-in\?next=/);
      assert.equal((await staffClient.get(url)).statusCode, 403, url);
      assert.equal((await admin.get(url)).statusCode, 200, url);
    }
    assert.equal((await staffClient.post(`/newsletter/issues/${issueId}/send`)).statusCode, 403);
    // A draft is not in the public archive.
    assert.equal((await new TestClient(t.app).get(`/newsletter/archive/${issueId}`)).statusCode, 404);
  });

  it('validates the compose form and keeps what was typed', async () => {
    const empty = await admin.post('/newsletter/issues/new', { subject: '', intro: 'Kept intro' });
    assert.equal(empty.statusCode, 400);
    assert.match(empty.body, /Enter a subject/);
    assert.match(empty.body, /Kept intro<\/textarea>/);
    const huge = await admin.post('/newsletter/issues/new', { subject: 'x'.repeat(100_000) });
    assert.equal(huge.statusCode, 400);
    assert.match(huge.body, /200 characters or fewer/);
    const tooManyItems = await admin.post('/newsletter/issues/new', { subject: 'Many', items: Array.from({ length: 40 }, (_, i) => `id-${i}`) });
    assert.equal(tooManyItems.statusCode, 400);
  });

  it('refuses posts without a CSRF token', async () => {
    const answer = await admin.post('/newsletter/issues/new', { subject: 'No token' }, { csrf: false });
    assert.equal(answer.statusCode, 403);
  });

  it('answers 404 for unknown issues and 409 for editing one already sent', async () => {
    assert.equal((await admin.get('/newsletter/issues/no-such-issue')).statusCode, 404);
    assert.equal((await admin.get('/newsletter/issues/no-such-issue/edit')).statusCode, 404);
    assert.equal((await admin.post('/newsletter/issues/no-such-issue/send')).statusCode, 404);
    assert.equal((await admin.post('/newsletter/issues/no-such-issue/retry')).statusCode, 404);
    await t.app.services.newsletter.addConfirmedSubscriber('reader@example.org');
    const sentId = await t.app.services.newsletter.recordSentIssue({ subject: 'Old news', intro: 'Done', itemIds: [] });
    assert.equal((await admin.get(`/newsletter/issues/${sentId}/edit`)).statusCode, 409);
    assert.equal((await admin.post(`/newsletter/issues/${sentId}/edit`, { subject: 'Changed' })).statusCode, 409);
    assert.equal((await admin.get(`/newsletter/issues/${sentId}/send`)).statusCode, 409);
    assert.equal((await t.app.services.newsletter.getIssue(sentId))?.subject, 'Old news');
  });

  it('edits a draft and says so when there is nobody to send it to', async () => {
    const fresh = await createTestApp();
    try {
      const client = (await signedInClient(fresh.app, { role: 'admin' })).client;
      const created = await client.post('/newsletter/issues/new', { subject: 'First', intro: 'One' });
      const path = String(created.headers.location);
      assert.match((await client.get(`${path}/edit`)).body, /value="First"/);
      assert.equal((await client.post(`${path}/edit`, { subject: 'Second', intro: 'Two' })).statusCode, 303);
      assert.match((await client.get(path)).body, /<h1>Second<\/h1>/);
      assert.match((await client.get(`${path}/send`)).body, /no confirmed subscribers yet/);
      assert.equal((await client.post(`${path}/send`)).statusCode, 303);
      assert.equal((await fresh.app.services.newsletter.getIssue(path.split('/').pop()!))?.status, 'draft');
    } finally {
      await fresh.close();
    }
  });

  it('lists subscribers by status and exports them as CSV guarded against formulas', async () => {
    const { newsletter } = t.app.services;
    await newsletter.addConfirmedSubscriber('=cmd|calc@example.org');
    await newsletter.subscribe('pending.person@example.org', 'es');
    const confirmed = await admin.get('/newsletter/subscribers?status=confirmed');
    assert.equal(confirmed.statusCode, 200);
    assert.match(confirmed.body, /=cmd\|calc@example\.org/);
    assert.ok(!confirmed.body.includes('pending.person@example.org'));
    const any = await admin.get('/newsletter/subscribers?status=bogus');
    assert.match(any.body, /pending\.person@example\.org/);

    const csv = await admin.get('/newsletter/subscribers.csv');
    assert.equal(csv.statusCode, 200);
    assert.match(String(csv.headers['content-type']), /^text\/csv/);
    assert.match(String(csv.headers['content-disposition']), /attachment; filename="subscribers\.csv"/);
    assert.ok(csv.body.startsWith('\uFEFFEmail address,'), 'a byte-order mark first, so spreadsheets read UTF-8');
    const lines = csv.body.trim().split('\r\n');
    assert.equal(lines[0], 'Email address,Status,Language,Subscribed,Confirmed,Unsubscribed');
    assert.ok(lines.some((line) => line.startsWith("'=cmd|calc@example.org,Confirmed,en,")));
    assert.ok(lines.some((line) => line.startsWith('pending.person@example.org,Waiting for confirmation,es,')));
    const onlyPending = await admin.get('/newsletter/subscribers.csv?status=pending');
    assert.equal(onlyPending.body.trim().split('\r\n').length, 2);
  });
});
