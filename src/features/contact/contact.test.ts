import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from '../../../tests/support/app';
import { TestClient } from '../../../tests/support/client';
import { makePerson, makeProgram, PASSWORD, signedInClient } from '../../../tests/support/factories';
import { startTestSmtp, type TestSmtp } from '../../../tests/support/smtp';
import { assertInOrder } from '../../../tests/support/order';

/** The error message shown next to a field, or undefined. */
function fieldError(html: string, field: string): string | undefined {
  return new RegExp(`id="field-${field}-error">([^<]*)<`).exec(html)?.[1];
}

const goodMessage = {
  name: 'Robin Reader',
  email: 'robin@example.org',
  message: 'How can our library join the next cohort?\nWe serve 2,000 people.',
  website: '',
};

let addressCount = 0;
/** A distinct client address per test, so the contact rate limit of one test does not touch another. */
const freshAddress = () => ({ 'x-forwarded-for': `198.51.100.${++addressCount}` });

/** The program, whose manager receives the contact messages. */
const saveProgram = (t: TestApp) => makeProgram(t.app, { managerEmail: 'manager@example.org' });

describe('contact form', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ trustProxy: 1 });
    await saveProgram(t);
  });
  after(() => t.close());

  const outbox = async () => (await t.app.services.mail.listOutbox(1)).items;
  const stored = async () => (await t.app.services.contact.listMessages(1)).items;

  it('shows an accessible form with a hidden honeypot', async () => {
    const page = await new TestClient(t.app).get('/contact');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<h1>Contact the program<\/h1>/);
    assert.match(page.body, /name="_csrf"/);
    assert.match(page.body, /<div class="honeypot" aria-hidden="true"><label for="field-website">[^<]+<\/label><input id="field-website" name="website" type="text" tabindex="-1" autocomplete="off" value\/><\/div>/);
  });

  it('stores the message, emails the manager and thanks the sender', async () => {
    const client = new TestClient(t.app);
    const headers = freshAddress();
    const response = await client.post('/contact', goodMessage, { headers });
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, '/contact/thanks');
    const thanks = await client.get('/contact/thanks');
    assert.equal(thanks.statusCode, 200);
    assert.match(thanks.body, /Thank you for your message/);

    const [message] = await stored();
    assert.equal(message?.name, 'Robin Reader');
    assert.equal(message?.email, 'robin@example.org');
    assert.equal(message?.message, goodMessage.message);
    assert.equal(message?.readAt, null);
    const [mail] = await outbox();
    assert.equal(mail?.to_address, 'manager@example.org');
    assert.equal(mail?.subject, 'Contact form: message from Robin Reader');
    const kept = await t.app.services.mail.getOutboxMessage(mail!.id);
    assert.match(kept?.text_body ?? '', /How can our library join the next cohort\?/);
    assert.match(kept?.text_body ?? '', new RegExp(`http://smartspaces.test/messages/${message!.id}`));
  });

  it('drops a message whose honeypot is filled, showing the same thanks', async () => {
    const before = { messages: (await stored()).length, mails: (await outbox()).length };
    const client = new TestClient(t.app);
    const response = await client.post('/contact', { ...goodMessage, website: 'http://spam.example' }, { headers: freshAddress() });
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, '/contact/thanks');
    assert.equal((await stored()).length, before.messages);
    assert.equal((await outbox()).length, before.mails);
  });

  it('re-renders the form with the input kept and an error per field', async () => {
    const before = (await stored()).length;
    const client = new TestClient(t.app);
    const headers = freshAddress();
    const empty = await client.post('/contact', {}, { headers });
    assert.equal(empty.statusCode, 400);
    assert.equal(fieldError(empty.body, 'name'), 'Enter your name');
    assert.equal(fieldError(empty.body, 'email'), 'Enter an email address in the correct format, like name@example.org');
    assert.equal(fieldError(empty.body, 'message'), 'Enter your message');

    const huge = await client.post('/contact', { name: 'x'.repeat(100_000), email: 'not-an-email', message: 'y'.repeat(5001) }, { headers });
    assert.equal(huge.statusCode, 400);
    assert.match(fieldError(huge.body, 'name') ?? '', /120 characters or fewer/);
    assert.match(fieldError(huge.body, 'message') ?? '', /5000 characters or fewer/);
    assert.match(huge.body, /value="not-an-email"/);

    const wrongTypes = await client.post('/contact', { name: ['a', 'b'], email: ['a@example.org', 'b@example.org'], message: 'Hi' }, { headers });
    assert.equal(wrongTypes.statusCode, 303, 'a repeated field keeps its first value');
    assert.equal((await stored()).length, before + 1);
  });

  it('refuses a post without the CSRF token', async () => {
    const response = await new TestClient(t.app).post('/contact', goodMessage, { csrf: false, headers: freshAddress() });
    assert.equal(response.statusCode, 403);
  });

  it('answers 429 after five messages in a quarter hour from one address', async () => {
    const client = new TestClient(t.app);
    const headers = freshAddress();
    for (let i = 0; i < 5; i++) {
      const response = await client.post('/contact', { ...goodMessage, message: `Message ${i}` }, { headers });
      assert.equal(response.statusCode, 303);
    }
    const limited = await client.post('/contact', goodMessage, { headers });
    assert.equal(limited.statusCode, 429);
    assert.match(limited.body, /Too many requests/);
    assert.ok(Number(limited.headers['retry-after']) > 60);
    const other = await client.post('/contact', goodMessage, { headers: freshAddress() });
    assert.equal(other.statusCode, 303, 'other addresses are not affected');
  });

  it('still keeps the message when no program manager is set up', async () => {
    const bare = await createTestApp();
    try {
      const response = await new TestClient(bare.app).post('/contact', goodMessage);
      assert.equal(response.statusCode, 303);
      assert.equal((await bare.app.services.contact.listMessages(1)).total, 1);
      assert.equal((await bare.app.services.mail.listOutbox(1)).total, 0);
    } finally {
      await bare.close();
    }
  });
});

describe('contact mail through SMTP', () => {
  let smtp: TestSmtp;
  before(async () => {
    smtp = await startTestSmtp();
  });
  after(() => smtp.close());

  it('sends the message with Reply-To set to the sender', async () => {
    const t = await createTestApp({ smtpUrl: smtp.url });
    try {
      await saveProgram(t);
      const response = await new TestClient(t.app).post('/contact', goodMessage);
      assert.equal(response.statusCode, 303);
      const mail = await smtp.waitFor((m) => m.to.includes('manager@example.org'));
      assert.match(mail.raw, /^Reply-To: robin@example\.org\r?$/m);
      assert.match(mail.text, /How can our library join the next cohort\?/);
    } finally {
      await t.close();
    }
  });

  it('keeps the message and thanks the sender when the mail server is down', async () => {
    const t = await createTestApp({ smtpUrl: 'smtp://127.0.0.1:9' });
    try {
      await saveProgram(t);
      const response = await new TestClient(t.app).post('/contact', goodMessage);
      assert.equal(response.statusCode, 303);
      assert.equal((await t.app.services.contact.listMessages(1)).total, 1);
    } finally {
      await t.close();
    }
  });
});

describe('contact messages for admins', () => {
  let t: TestApp;
  let admin: TestClient;
  let messageId: string;

  before(async () => {
    t = await createTestApp();
    await saveProgram(t);
    const message = await t.app.services.contact.send({ name: 'Ana <b>Lee</b>', email: 'ana@example.org', message: 'Hola\n<script>alert(1)</script>' });
    messageId = message.id;
    await t.app.services.contact.send({ name: 'Ben', email: 'ben@example.org', message: 'Second' });
    admin = (await signedInClient(t.app, { role: 'admin' })).client;
  });
  after(() => t.close());

  it('lists messages newest first with unread ones marked', async () => {
    const list = await admin.get('/messages');
    assert.equal(list.statusCode, 200);
    assert.match(list.body, /<caption>Messages, newest first \(2, 2 unread\)<\/caption>/);
    assertInOrder(list.body, ['>Ben<', 'Ana &lt;b>Lee&lt;/b>'], 'newest first');
    assert.equal((list.body.match(/class="tag">Unread</g) ?? []).length, 2);
  });

  it('shows a message as text with a reply link, and marks it read', async () => {
    const page = await admin.get(`/messages/${messageId}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /&lt;script>alert\(1\)&lt;\/script>/);
    assert.doesNotMatch(page.body, /<script>alert/);
    assert.match(page.body, /href="mailto:ana@example.org\?subject=Re%3A%20your%20message%20to%20Smart%20Spaces"/);
    const list = await admin.get('/messages');
    assert.match(list.body, /\(2, 1 unread\)/);
    const again = await t.app.services.contact.readMessage(messageId);
    const first = (await t.app.services.contact.listMessages(1)).items.find((m) => m.id === messageId);
    assert.equal(again?.readAt, first?.readAt, 'the first reading time is kept');
  });

  it('answers 404 for an unknown message and keeps others out', async () => {
    assert.equal((await admin.get('/messages/no-such-message')).statusCode, 404);
    const staff = await makePerson(t.app, { role: 'staff' });
    const client = new TestClient(t.app);
    assert.equal((await client.get('/messages')).statusCode, 303);
    await client.signIn(staff.email, PASSWORD);
    assert.equal((await client.get('/messages')).statusCode, 403);
    assert.equal((await client.get(`/messages/${messageId}`)).statusCode, 403);
  });
});
