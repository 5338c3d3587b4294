import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from '../../../tests/support/app';
import { TestClient } from '../../../tests/support/client';
import { makeLibrary, signedInClient } from '../../../tests/support/factories';
import type { ActivityInput } from './service';

/** The error message shown next to a field, or undefined. */
function fieldError(html: string, field: string): string | undefined {
  return new RegExp(`id="field-${field}-error">([^<]*)<`).exec(html)?.[1];
}

const goodActivity = {
  kind: 'wish-tree',
  title: 'Wish Trees at the farmers market',
  date: '2017-05-20',
  place: 'Main Street market',
  participants: '1,240',
  notes: 'Families wrote wishes on paper leaves.\n\nMany asked for a quiet corner.',
};

const activityInput = (overrides: Partial<ActivityInput> = {}): ActivityInput => ({
  kind: 'survey',
  title: 'Patron survey',
  date: '2017-03-01',
  place: '',
  participants: 10,
  notes: '',
  ...overrides,
});

/** A date this many days from today, YYYY-MM-DD. */
const daysFromToday = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

describe('discover routes', () => {
  let t: TestApp;
  let base: string;
  let libraryA: { id: string; slug: string };
  let libraryB: { id: string; slug: string };
  let staff: TestClient;
  let coach: TestClient;
  let admin: TestClient;
  let staffB: TestClient;
  let coachB: TestClient;
  let otherActivityId: string;
  let otherInsightId: string;

  before(async () => {
    t = await createTestApp();
    libraryA = await makeLibrary(t.app, { name: 'Madison Public Library' });
    libraryB = await makeLibrary(t.app, { name: 'Ignacio Community Library' });
    base = `/libraries/${libraryA.slug}/discover`;
    staff = (await signedInClient(t.app, { role: 'staff', libraryId: libraryA.id })).client;
    coach = (await signedInClient(t.app, { role: 'coach', coachedLibraryIds: [libraryA.id] })).client;
    admin = (await signedInClient(t.app, { role: 'admin' })).client;
    staffB = (await signedInClient(t.app, { role: 'staff', libraryId: libraryB.id, libraryRole: 'lead' })).client;
    coachB = (await signedInClient(t.app, { role: 'coach', coachedLibraryIds: [libraryB.id] })).client;
    const { discover } = t.app.services;
    const other = await discover.createActivity(libraryB.id, activityInput({ title: 'Ignacio dot board' }), null);
    otherActivityId = other.id;
    otherInsightId = (await discover.createInsight(libraryB.id, { text: 'Ignacio secret', themes: ['media'], activityId: other.id }, null)).id;
  });
  after(() => t.close());

  it('shows empty states and the buttons to start, to the library staff only', async () => {
    const fresh = await makeLibrary(t.app);
    const { client } = await signedInClient(t.app, { role: 'staff', libraryId: fresh.id });
    const page = await client.get(`/libraries/${fresh.slug}/discover`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<h1>Discover<\/h1>/);
    assert.match(page.body, /No activities recorded yet/);
    assert.match(page.body, /No insights recorded yet/);
    assert.match(page.body, new RegExp(`href="/libraries/${fresh.slug}/discover/activities/new"`));
  });

  it('records an activity with the form and shows it', async () => {
    const form = await staff.get(`${base}/activities/new`);
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /<select id="field-kind" name="kind"/);
    assert.match(form.body, /type="date"/);
    const saved = await staff.post(`${base}/activities/new`, goodActivity);
    assert.equal(saved.statusCode, 303);
    const location = String(saved.headers.location);
    assert.match(location, new RegExp(`^${base}/activities/[\\w-]+$`));
    const page = await staff.get(location);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<h1>Wish Trees at the farmers market<\/h1>/);
    assert.match(page.body, /Activity “Wish Trees at the farmers market” recorded\./);
    assert.match(page.body, /<dd>Wish Tree<\/dd>/);
    assert.match(page.body, /<dd>May 20, 2017<\/dd>/);
    assert.match(page.body, /<dd>1,240<\/dd>/);
    assert.match(page.body, /<p>Many asked for a quiet corner\.<\/p>/);
    assert.match(page.body, /href="\/libraries\/[\w-]+\/photos\/new\?subject=activity%3A[\w-]+">Add a photo</);
    assert.match(page.body, /id="comments"/);
    const overview = await staff.get(base);
    assert.match(overview.body, /Wish Trees at the farmers market<\/a><\/td><td>Wish Tree<\/td><td>May 20, 2017<\/td><td class="numeric">1,240<\/td>/);
  });

  it('refuses bad activity input with a message per field and the input kept', async () => {
    const before = (await t.app.services.discover.counts(libraryA.id)).activities;
    const future = await staff.post(`${base}/activities/new`, { ...goodActivity, date: daysFromToday(400), participants: '-3' });
    assert.equal(future.statusCode, 400);
    assert.equal(fieldError(future.body, 'date'), 'The date can be at most a year from today');
    assert.equal(fieldError(future.body, 'participants'), 'Enter how many people took part, a whole number from 0 to 100,000');
    assert.match(future.body, /There is a problem/);
    assert.match(future.body, /value="Wish Trees at the farmers market"/);
    assert.match(future.body, /value="-3"/);
    assert.match(future.body, /Many asked for a quiet corner\.<\/textarea>/);

    const invalid = await staff.post(`${base}/activities/new`, {
      ...goodActivity,
      kind: 'seance',
      date: '2017-02-30',
      participants: '100001',
      title: 'x'.repeat(201),
      notes: 'y'.repeat(10_001),
    });
    assert.equal(invalid.statusCode, 400);
    assert.equal(fieldError(invalid.body, 'kind'), 'Choose the kind of activity');
    assert.equal(fieldError(invalid.body, 'date'), 'Enter a real date, like 2017-05-20');
    assert.match(fieldError(invalid.body, 'participants') ?? '', /0 to 100,000/);
    assert.match(fieldError(invalid.body, 'title') ?? '', /200 characters or fewer/);
    assert.match(fieldError(invalid.body, 'notes') ?? '', /10000 characters or fewer/);

    const soon = await staff.post(`${base}/activities/new`, { ...goodActivity, date: daysFromToday(300), title: 'Planned walk-through' });
    assert.equal(soon.statusCode, 303, 'an activity planned within a year is accepted');
    assert.equal((await t.app.services.discover.counts(libraryA.id)).activities, before + 1);
  });

  it('edits an activity, keeping the input when it is wrong', async () => {
    const activity = await t.app.services.discover.createActivity(libraryA.id, activityInput({ title: 'Old title' }), null);
    const url = `${base}/activities/${activity.id}/edit`;
    const form = await staff.get(url);
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /value="Old title"/);
    assert.match(form.body, /value="2017-03-01"/);
    const bad = await staff.post(url, { ...goodActivity, title: 'New title', participants: 'many' });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /value="New title"/);
    assert.match(bad.body, /value="many"/);
    const good = await staff.post(url, { ...goodActivity, title: 'New title', kind: 'walk-through', participants: '12' });
    assert.equal(good.statusCode, 303);
    assert.equal(good.headers.location, `${base}/activities/${activity.id}`);
    const updated = await t.app.services.discover.getActivity(libraryA.id, activity.id);
    assert.equal(updated?.title, 'New title');
    assert.equal(updated?.kind, 'walk-through');
    assert.equal(updated?.participants, 12);
  });

  it('adds an insight with normalised themes, preselecting the activity', async () => {
    const activity = await t.app.services.discover.createActivity(libraryA.id, activityInput({ title: 'Teen conversation' }), null);
    const form = await staff.get(`${base}/insights/new?activity=${activity.id}`);
    assert.equal(form.statusCode, 200);
    assert.match(form.body, new RegExp(`<option value="${activity.id}" selected>Teen conversation`));
    const saved = await staff.post(`${base}/insights/new`, {
      text: 'Teens want a place to make things after school.',
      themes: 'Teens,  Making ,teens, after  SCHOOL,',
      activity: activity.id,
    });
    assert.equal(saved.statusCode, 303);
    const page = await staff.get(String(saved.headers.location));
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Teens want a place to make things after school\./);
    assert.match(page.body, new RegExp(`href="${base}/insights\\?theme=after\\+school">after school</a>`));
    assert.match(page.body, new RegExp(`href="${base}/insights\\?theme=making">making</a>`));
    assert.match(page.body, new RegExp(`href="${base}/activities/${activity.id}">Teen conversation</a>`));
    const insight = (await t.app.services.discover.listInsights(libraryA.id, { activityId: activity.id }, 1)).items[0];
    assert.deepEqual(insight?.themes, ['after school', 'making', 'teens']);
    const activityPage = await staff.get(`${base}/activities/${activity.id}`);
    assert.match(activityPage.body, /Teens want a place to make things after school\.<\/a>/);
  });

  it('refuses bad insight input with the input kept', async () => {
    const tooMany = await staff.post(`${base}/insights/new`, { text: 'Kept text', themes: 'a,b,c,d,e,f,g,h,i' });
    assert.equal(tooMany.statusCode, 400);
    assert.equal(fieldError(tooMany.body, 'themes'), 'Enter at most 8 themes');
    assert.match(tooMany.body, />Kept text<\/textarea>/);
    assert.match(tooMany.body, /value="a,b,c,d,e,f,g,h,i"/);

    const longTheme = await staff.post(`${base}/insights/new`, { text: 'Kept text', themes: `ok, ${'x'.repeat(41)}` });
    assert.equal(longTheme.statusCode, 400);
    assert.equal(fieldError(longTheme.body, 'themes'), 'Each theme must be 40 characters or fewer');

    const longText = await staff.post(`${base}/insights/new`, { text: 'z'.repeat(1001), themes: 'teens' });
    assert.equal(longText.statusCode, 400);
    assert.match(fieldError(longText.body, 'text') ?? '', /1000 characters or fewer/);
    const empty = await staff.post(`${base}/insights/new`, {});
    assert.equal(empty.statusCode, 400);
    assert.equal(fieldError(empty.body, 'text'), 'Enter the insight');
  });

  it('refuses to link an insight to another library’s activity', async () => {
    const before = (await t.app.services.discover.counts(libraryA.id)).insights;
    const forged = await staff.post(`${base}/insights/new`, { text: 'Linked elsewhere', themes: 'teens', activity: otherActivityId });
    assert.equal(forged.statusCode, 400);
    assert.equal(fieldError(forged.body, 'activity'), 'Choose an activity from the list');
    assert.match(forged.body, />Linked elsewhere<\/textarea>/);
    assert.equal((await t.app.services.discover.counts(libraryA.id)).insights, before);
    const preselect = await staff.get(`${base}/insights/new?activity=${otherActivityId}`);
    assert.doesNotMatch(preselect.body, new RegExp(otherActivityId), 'another library’s activity is neither offered nor chosen');

    const own = await t.app.services.discover.createInsight(libraryA.id, { text: 'Mine', themes: [], activityId: null }, null);
    const edit = await staff.post(`${base}/insights/${own.id}/edit`, { text: 'Mine', activity: otherActivityId });
    assert.equal(edit.statusCode, 400);
    assert.equal(fieldError(edit.body, 'activity'), 'Choose an activity from the list');
    assert.equal((await t.app.services.discover.getInsight(libraryA.id, own.id))?.activity, null);
  });

  it('edits an insight and replaces its themes', async () => {
    const insight = await t.app.services.discover.createInsight(libraryA.id, { text: 'Before', themes: ['seating', 'hours'], activityId: null }, null);
    const form = await staff.get(`${base}/insights/${insight.id}/edit`);
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /value="hours, seating"/);
    const saved = await staff.post(`${base}/insights/${insight.id}/edit`, { text: 'After', themes: 'Quiet space' });
    assert.equal(saved.statusCode, 303);
    const updated = await t.app.services.discover.getInsight(libraryA.id, insight.id);
    assert.equal(updated?.text, 'After');
    assert.deepEqual(updated?.themes, ['quiet space']);
  });

  it('lists insights filtered by theme and by activity, with pagination', async () => {
    const library = await makeLibrary(t.app);
    const { client } = await signedInClient(t.app, { role: 'staff', libraryId: library.id });
    const { discover } = t.app.services;
    await discover.recordMany(
      library.id,
      [
        {
          activity: activityInput({ title: 'Dot board at the fair' }),
          insights: Array.from({ length: 27 }, (_, i) => ({ text: `Dot insight ${i}`, themes: i % 2 ? ['hours'] : ['seating'] })),
        },
        { activity: activityInput({ title: 'Walk-through of the storage room' }), insights: [{ text: 'Storage is full of VHS tapes', themes: ['making'] }] },
      ],
      null,
    );
    const url = `/libraries/${library.slug}/discover/insights`;
    const all = await client.get(url);
    assert.equal(all.statusCode, 200);
    assert.match(all.body, /Insights, newest first \(28\)/);
    assert.match(all.body, /<option value="hours">hours<\/option>/);
    assert.match(all.body, /Page 1 of 2/);
    const page2 = await client.get(`${url}?page=2`);
    assert.match(page2.body, /Page 2 of 2/);

    const byTheme = await client.get(`${url}?theme=%20HOURS`);
    assert.match(byTheme.body, /Insights, newest first \(13\)/);
    assert.match(byTheme.body, /<option value="hours" selected>hours<\/option>/);
    assert.doesNotMatch(byTheme.body, /Storage is full/);

    const storage = (await discover.activityChoices(library.id)).find((a) => a.title.startsWith('Walk-through'))!;
    const byActivity = await client.get(`${url}?activity=${storage.id}`);
    assert.match(byActivity.body, /Insights, newest first \(1\)/);
    assert.match(byActivity.body, /Storage is full of VHS tapes/);
    const unknown = await client.get(`${url}?theme=no-such-theme`);
    assert.match(unknown.body, /Insights, newest first \(28\)/, 'an unknown theme filters nothing out');
    const none = await client.get(`${url}?activity=${storage.id}&theme=hours`);
    assert.match(none.body, /No insights match these filters\./);

    const forged = await client.get(`${url}?activity=${otherActivityId}`);
    assert.match(forged.body, /Insights, newest first \(28\)/, 'another library’s activity filters nothing');
    assert.doesNotMatch(forged.body, /Ignacio secret/);

    const overview = await client.get(`/libraries/${library.slug}/discover`);
    assert.match(overview.body, /See all 28 insights/);
  });

  it('paginates the activities on the overview, 25 a page', async () => {
    const library = await makeLibrary(t.app);
    const { client } = await signedInClient(t.app, { role: 'staff', libraryId: library.id });
    await t.app.services.discover.recordMany(
      library.id,
      Array.from({ length: 26 }, (_, i) => ({ activity: activityInput({ title: `Session ${i}`, date: `2017-01-${String(i + 1).padStart(2, '0')}` }), insights: [] })),
      null,
    );
    const first = await client.get(`/libraries/${library.slug}/discover`);
    assert.match(first.body, /Discovery activities, most recent first \(26\)/);
    assert.match(first.body, /Session 25</);
    assert.doesNotMatch(first.body, /Session 0</);
    const second = await client.get(`/libraries/${library.slug}/discover?page=2`);
    assert.match(second.body, /Session 0</);
  });

  it('deletes an activity after confirmation, keeping its insights', async () => {
    const { discover } = t.app.services;
    const activity = await discover.createActivity(libraryA.id, activityInput({ title: 'To be deleted' }), null);
    const insight = await discover.createInsight(libraryA.id, { text: 'Survives', themes: ['hours'], activityId: activity.id }, null);
    const confirm = await staff.get(`${base}/activities/${activity.id}/delete`);
    assert.equal(confirm.statusCode, 200);
    assert.match(confirm.body, /<h1>Delete the activity “To be deleted”\?<\/h1>/);
    assert.match(confirm.body, new RegExp(`<form method="post" action="${base}/activities/${activity.id}/delete"`));
    assert.ok(await discover.getActivity(libraryA.id, activity.id), 'asking does not delete');
    const deleted = await staff.post(`${base}/activities/${activity.id}/delete`);
    assert.equal(deleted.statusCode, 303);
    assert.equal(deleted.headers.location, base);
    assert.equal((await staff.get(`${base}/activities/${activity.id}`)).statusCode, 404);
    assert.equal((await discover.getInsight(libraryA.id, insight.id))?.activity, null);
  });

  it('deletes an insight after confirmation', async () => {
    const { discover } = t.app.services;
    const insight = await discover.createInsight(libraryA.id, { text: 'Short-lived', themes: ['hours'], activityId: null }, null);
    const confirm = await staff.get(`${base}/insights/${insight.id}/delete`);
    assert.equal(confirm.statusCode, 200);
    assert.match(confirm.body, /Delete this insight\?/);
    assert.match(confirm.body, /<p>Short-lived<\/p>/);
    const deleted = await staff.post(`${base}/insights/${insight.id}/delete`);
    assert.equal(deleted.statusCode, 303);
    assert.equal(deleted.headers.location, `${base}/insights`);
    assert.equal(await discover.getInsight(libraryA.id, insight.id), undefined);
  });

  it('lets coaches and admins read without edit buttons, and refuses them the forms', async () => {
    const { discover } = t.app.services;
    const activity = await discover.createActivity(libraryA.id, activityInput({ title: 'Read-only check' }), null);
    const insight = await discover.createInsight(libraryA.id, { text: 'Read me', themes: ['hours'], activityId: activity.id }, null);
    for (const reader of [coach, admin]) {
      for (const url of [base, `${base}/insights`, `${base}/activities/${activity.id}`, `${base}/insights/${insight.id}`]) {
        const page = await reader.get(url);
        assert.equal(page.statusCode, 200, url);
        assert.doesNotMatch(page.body, /\/(new|edit|delete)["?]/, `${url} shows no edit links to a reader`);
        assert.doesNotMatch(page.body, /Add a photo/);
      }
      assert.equal((await reader.get(`${base}/activities/new`)).statusCode, 403);
      assert.equal((await reader.post(`${base}/activities/new`, goodActivity)).statusCode, 403);
      assert.equal((await reader.post(`${base}/activities/${activity.id}/delete`)).statusCode, 403);
      assert.equal((await reader.post(`${base}/insights/${insight.id}/edit`, { text: 'Changed' })).statusCode, 403);
    }
    assert.equal((await discover.getInsight(libraryA.id, insight.id))?.text, 'Read me');
  });

  it('keeps other libraries’ staff and coaches out, and sends visitors to sign in', async () => {
    const activity = await t.app.services.discover.createActivity(libraryA.id, activityInput({ title: 'Private' }), null);
    for (const outsider of [staffB, coachB]) {
      assert.equal((await outsider.get(base)).statusCode, 403);
      assert.equal((await outsider.get(`${base}/activities/${activity.id}`)).statusCode, 403);
      assert.equal((await outsider.post(`${base}/activities/new`, goodActivity)).statusCode, 403);
    }
    const visitor = await new TestClient(t.app).get(`${base}/insights`);
    assert.equal(visitor.statusCode, 303);
    assert.match(String(visitor.headers.location), /^\/sign-in\?next=/);
  });

  it('answers 404 for another library’s activity or insight through this library’s addresses', async () => {
    const activityUrl = `${base}/activities/${otherActivityId}`;
    const insightUrl = `${base}/insights/${otherInsightId}`;
    for (const url of [activityUrl, `${activityUrl}/edit`, `${activityUrl}/delete`, insightUrl, `${insightUrl}/edit`, `${insightUrl}/delete`]) {
      assert.equal((await staff.get(url)).statusCode, 404, `GET ${url}`);
    }
    assert.equal((await staff.post(`${activityUrl}/edit`, goodActivity)).statusCode, 404);
    assert.equal((await staff.post(`${activityUrl}/delete`)).statusCode, 404);
    assert.equal((await staff.post(`${insightUrl}/edit`, { text: 'Hijacked' })).statusCode, 404);
    assert.equal((await staff.post(`${insightUrl}/delete`)).statusCode, 404);
    const { discover } = t.app.services;
    assert.equal((await discover.getActivity(libraryB.id, otherActivityId))?.title, 'Ignacio dot board');
    assert.equal((await discover.getInsight(libraryB.id, otherInsightId))?.text, 'Ignacio secret');
    assert.equal((await staff.get(`${base}/activities/no-such-id`)).statusCode, 404);
  });

  it('shows the pages in Spanish to a Spanish-speaking reader', async () => {
    const { person, client } = await signedInClient(t.app, { role: 'staff', libraryId: libraryA.id });
    await t.app.services.accounts.updateProfile(person.id, { name: person.name, locale: 'es', timeZone: 'America/Denver' });
    const page = await client.get(`${base}/activities/new`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<h1>Registrar una actividad<\/h1>/);
    assert.match(page.body, /<option value="wish-tree">Árbol de deseos<\/option>/);
    const bad = await client.post(`${base}/activities/new`, { ...goodActivity, date: 'mañana' });
    assert.equal(fieldError(bad.body, 'date'), 'Escriba una fecha real, como 2017-05-20');
  });
});
