import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from '../../../tests/support/app';
import { TestClient } from '../../../tests/support/client';
import { makeLibrary, makePerson, PASSWORD } from '../../../tests/support/factories';
import { startTestSmtp, type TestSmtp } from '../../../tests/support/smtp';
import type { Library } from '../libraries/service';
import { InvalidCommentError } from './service';

/** The error message shown next to a field, or undefined. */
function fieldError(html: string, field: string): string | undefined {
  return new RegExp(`id="field-${field}-error">([^<]*)<`).exec(html)?.[1];
}

const access = (library: Library) => ({ id: library.id, slug: library.slug, name: library.name, timeZone: library.timeZone });

describe('comment threads', () => {
  let t: TestApp;
  let libraryA: Library;
  let libraryB: Library;
  const people: Record<string, { id: string; email: string; name: string }> = {};
  const clients: Record<string, TestClient> = {};
  const as = (name: string) => clients[name]!;
  const outbox = async () => (await t.app.services.mail.listOutbox(1)).items;

  before(async () => {
    t = await createTestApp();
    libraryA = await makeLibrary(t.app, { name: 'Alpha Public Library' });
    libraryB = await makeLibrary(t.app, { name: 'Beta Free Library' });
    const made = {
      leadA: await makePerson(t.app, { role: 'staff', libraryId: libraryA.id, libraryRole: 'lead', name: 'Lee Lead' }),
      staffA: await makePerson(t.app, { role: 'staff', libraryId: libraryA.id, name: 'Sam Staff' }),
      staffB: await makePerson(t.app, { role: 'staff', libraryId: libraryB.id, name: 'Bea Staff' }),
      coachA: await makePerson(t.app, { role: 'coach', coachedLibraryIds: [libraryA.id], name: 'Cam Coach' }),
      coachB: await makePerson(t.app, { role: 'coach', coachedLibraryIds: [libraryB.id], name: 'Cody Coach' }),
    };
    for (const [name, person] of Object.entries(made)) {
      people[name] = person;
      clients[name] = new TestClient(t.app);
      await clients[name].signIn(person.email, PASSWORD);
    }
    // A Spanish-speaking member who should get the notice in Spanish, and one
    // who has left and gets nothing.
    const es = await makePerson(t.app, { role: 'staff', libraryId: libraryA.id, name: 'Lucía Ruiz' });
    await t.app.services.accounts.updateProfile(es.id, { name: 'Lucía Ruiz', locale: 'es', timeZone: 'America/Denver' });
    people.spanishA = es;
    const gone = await makePerson(t.app, { role: 'staff', libraryId: libraryA.id, name: 'Gone Person' });
    await t.app.services.accounts.deactivate(gone.id);
    people.goneA = gone;
    // An item type only library B has, to try reaching it through library A.
    t.app.services.workspace.registerSubject('story', async (library, id) =>
      library.id === libraryB.id && id === 'story-b' ? { title: 'Beta story', path: `/libraries/${library.slug}/share/story` } : undefined,
    );
  });
  after(() => t.close());

  it('adds a coach’s comment, shows it on the phase page and emails the team but not the author', async () => {
    const before = (await outbox()).length;
    const response = await as('coachA').post(`/libraries/${libraryA.slug}/comments`, {
      subjectType: 'phase',
      subjectId: 'plan',
      body: 'Lovely plan.\nHave you priced the shelving casters?\n\n<b>Second</b> paragraph.',
    });
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, `/libraries/${libraryA.slug}/journey/plan#comments`);

    const page = await as('coachA').get(`/libraries/${libraryA.slug}/journey/plan`);
    assert.match(page.body, /Your comment has been added\./);
    assert.match(page.body, /<h2 id="comments-title">Comments \(1\)<\/h2>/);
    assert.match(page.body, /<strong>Cam Coach<\/strong>, <time datetime="\d{4}-\d\d-\d\dT[\d:.]+Z">[^<]+<\/time>/);
    assert.match(page.body, /<p>Lovely plan.\nHave you priced the shelving casters\?<\/p><p>&lt;b>Second&lt;\/b> paragraph.<\/p>/);

    const mails = (await outbox()).slice(0, (await outbox()).length - before);
    const recipients = mails.map((m) => m.to_address).sort();
    assert.deepEqual(recipients, [people.leadA!.email, people.spanishA!.email, people.staffA!.email].sort());
    const english = mails.find((m) => m.to_address === people.staffA!.email)!;
    assert.equal(english.subject, 'New comment on Plan (Alpha Public Library)');
    const text = (await t.app.services.mail.getOutboxMessage(english.id))?.text_body ?? '';
    assert.match(text, /^Cam Coach commented on Plan:/);
    assert.match(text, /Have you priced the shelving casters\?/);
    assert.match(text, new RegExp(`http://smartspaces.test/libraries/${libraryA.slug}/journey/plan#comments`));
    const spanish = mails.find((m) => m.to_address === people.spanishA!.email)!;
    assert.equal(spanish.subject, 'Nuevo comentario sobre Plan (Alpha Public Library)');
  });

  it('lists a thread oldest first, and only the library’s own comments', async () => {
    const mailsBefore = (await outbox()).length;
    await as('staffA').post(`/libraries/${libraryA.slug}/comments`, { subjectType: 'phase', subjectId: 'share', body: 'First' });
    const sent = (await outbox()).slice(0, (await outbox()).length - mailsBefore).map((m) => m.to_address);
    assert.deepEqual(sent.sort(), [people.leadA!.email, people.spanishA!.email].sort(), 'a staff author gets no notice');
    await as('leadA').post(`/libraries/${libraryA.slug}/comments`, { subjectType: 'phase', subjectId: 'share', body: 'Second' });
    await as('staffB').post(`/libraries/${libraryB.slug}/comments`, { subjectType: 'phase', subjectId: 'share', body: 'From Beta' });
    const thread = await t.app.services.workspace.listComments(libraryA.id, 'phase', 'share');
    assert.deepEqual(thread.map((c) => [c.body, c.authorName]), [
      ['First', 'Sam Staff'],
      ['Second', 'Lee Lead'],
    ]);
    const page = await as('coachA').get(`/libraries/${libraryA.slug}/journey/share`);
    assert.match(page.body, /Comments \(2\)/);
    assert.doesNotMatch(page.body, /From Beta/);
  });

  it('keeps others out of a library’s threads', async () => {
    const form = { subjectType: 'phase', subjectId: 'plan', body: 'Hello' };
    assert.equal((await as('staffB').post(`/libraries/${libraryA.slug}/comments`, form)).statusCode, 403);
    assert.equal((await as('coachB').post(`/libraries/${libraryA.slug}/comments`, form)).statusCode, 403);
    const visitor = await new TestClient(t.app).post(`/libraries/${libraryA.slug}/comments`, form);
    assert.equal(visitor.statusCode, 303);
    assert.match(String(visitor.headers.location), /^\/sign-in/);
  });

  it('answers 404 for an unknown item, an unknown type or another library’s item', async () => {
    const post = (subjectType: string, subjectId: string, body = 'Hello') =>
      as('coachA').post(`/libraries/${libraryA.slug}/comments`, { subjectType, subjectId, body });
    assert.equal((await post('phase', 'nonsense')).statusCode, 404);
    assert.equal((await post('phase', 'nonsense', '')).statusCode, 404, 'an unknown item is not shown a form');
    assert.equal((await post('bogus', 'plan')).statusCode, 404);
    assert.equal((await post('activity', 'no-such-activity')).statusCode, 404);
    assert.equal((await post('story', 'story-b')).statusCode, 404, 'library B’s item through library A');
    const own = await as('staffB').post(`/libraries/${libraryB.slug}/comments`, { subjectType: 'story', subjectId: 'story-b', body: 'Ours' });
    assert.equal(own.statusCode, 303);
    assert.equal((await t.app.services.workspace.listComments(libraryA.id, 'story', 'story-b')).length, 0);
    assert.equal(
      await t.app.services.workspace.addComment(access(libraryA), people.coachA!, 'story', 'story-b', 'Sneaky'),
      undefined,
    );
  });

  it('shows the comment form again for an empty or too long comment, with the text kept', async () => {
    const before = (await t.app.services.workspace.listComments(libraryA.id, 'phase', 'discover')).length;
    const empty = await as('coachA').post(`/libraries/${libraryA.slug}/comments`, { subjectType: 'phase', subjectId: 'discover', body: '   ' });
    assert.equal(empty.statusCode, 400);
    assert.match(empty.body, /<h1>Add a comment<\/h1>/);
    assert.match(empty.body, /class="error-summary"/);
    assert.equal(fieldError(empty.body, 'body'), 'Enter your comment');
    assert.match(empty.body, /<input type="hidden" name="subjectType" value="phase"\/><input type="hidden" name="subjectId" value="discover"\/>/);
    assert.match(empty.body, new RegExp(`action="/libraries/${libraryA.slug}/comments"`));
    assert.match(empty.body, new RegExp(`href="/libraries/${libraryA.slug}/journey/discover#comments">Back to Discover`));

    const long = 'x'.repeat(4001);
    const tooLong = await as('coachA').post(`/libraries/${libraryA.slug}/comments`, { subjectType: 'phase', subjectId: 'discover', body: long });
    assert.equal(tooLong.statusCode, 400);
    assert.match(fieldError(tooLong.body, 'body') ?? '', /4000 characters or fewer/);
    assert.ok(tooLong.body.includes(`>${long}</textarea>`), 'the typed text is kept');
    assert.equal((await t.app.services.workspace.listComments(libraryA.id, 'phase', 'discover')).length, before);
    await assert.rejects(t.app.services.workspace.addComment(access(libraryA), people.coachA!, 'phase', 'discover', ' '), InvalidCommentError);
  });

  it('stores a comment silently when asked, with the date given', async () => {
    const before = (await outbox()).length;
    const added = await t.app.services.workspace.addComment(access(libraryA), people.coachA!, 'phase', 'ideate', 'Seeded', {
      notify: false,
      createdAt: '2017-03-14T15:00:00.000Z',
    });
    assert.equal(added?.subject.title, 'Ideate and prototype');
    assert.equal((await outbox()).length, before);
    const [stored] = await t.app.services.workspace.listComments(libraryA.id, 'phase', 'ideate');
    assert.equal(stored?.createdAt, '2017-03-14T15:00:00.000Z');
  });
});

describe('comment notices through SMTP', () => {
  let smtp: TestSmtp;
  before(async () => {
    smtp = await startTestSmtp();
  });
  after(() => smtp.close());

  it('mails the team through the mail server, and keeps the comment when the server is down', async () => {
    for (const smtpUrl of [smtp.url, 'smtp://127.0.0.1:9']) {
      const t = await createTestApp({ smtpUrl });
      try {
        const library = await makeLibrary(t.app, { name: 'Gamma Library' });
        const lead = await makePerson(t.app, { role: 'staff', libraryId: library.id, libraryRole: 'lead' });
        const coach = await makePerson(t.app, { role: 'coach', coachedLibraryIds: [library.id], name: 'Cam Coach' });
        const client = new TestClient(t.app);
        await client.signIn(coach.email, PASSWORD);
        const response = await client.post(`/libraries/${library.slug}/comments`, { subjectType: 'phase', subjectId: 'flex', body: 'Try the casters.' });
        assert.equal(response.statusCode, 303);
        assert.equal((await t.app.services.workspace.listComments(library.id, 'phase', 'flex')).length, 1);
        if (smtpUrl === smtp.url) {
          const mail = await smtp.waitFor((m) => m.to.includes(lead.email.toLowerCase()));
          assert.equal(mail.subject, 'New comment on Flex the space (Gamma Library)');
          assert.match(mail.text, /Try the casters\./);
          assert.ok(!smtp.messages.some((m) => m.to.includes(coach.email.toLowerCase())), 'the author gets no notice');
        }
      } finally {
        await t.close();
      }
    }
  });
});
