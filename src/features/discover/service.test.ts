import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from '../../../tests/support/app';
import { makeLibrary } from '../../../tests/support/factories';
import { journeyEvidence } from '../../../tests/support/evidence';
import { normaliseThemes, UnknownActivityError, type ActivityInput, type DiscoverService } from './service';
import { isCalendarDate } from '../../i18n/time';
import { parseThemes, readActivityForm } from './schema';
import { translator } from '../../i18n';

const activityInput = (overrides: Partial<ActivityInput> = {}): ActivityInput => ({
  kind: 'conversation',
  title: 'Community conversation',
  date: '2017-04-10',
  place: 'Community room',
  participants: 25,
  notes: '',
  ...overrides,
});

describe('the discover service', () => {
  let t: TestApp;
  let discover: DiscoverService;
  let libraryA: { id: string; slug: string; name: string; timeZone: string };
  let libraryB: { id: string; slug: string; name: string; timeZone: string };

  before(async () => {
    t = await createTestApp();
    discover = t.app.services.discover;
    libraryA = await makeLibrary(t.app);
    libraryB = await makeLibrary(t.app);
  });
  after(() => t.close());

  it('counts activities, the people who took part and insights, per library', async () => {
    const library = await makeLibrary(t.app);
    assert.deepEqual(await discover.counts(library.id), { activities: 0, participants: 0, insights: 0 });
    const first = await discover.createActivity(library.id, activityInput({ participants: 310 }), null);
    await discover.createActivity(library.id, activityInput({ participants: 45 }), null);
    await discover.createInsight(library.id, { text: 'One', themes: [], activityId: first.id }, null);
    await discover.createInsight(library.id, { text: 'Two', themes: ['hours'], activityId: null }, null);
    assert.deepEqual(await discover.counts(library.id), { activities: 2, participants: 355, insights: 2 });
    assert.deepEqual(await discover.counts(libraryB.id), { activities: 0, participants: 0, insights: 0 });
  });

  it('tells the journey an activity and insights are recorded', async () => {
    const library = await makeLibrary(t.app);
    assert.deepEqual(await journeyEvidence(t.app, library.id, ['activity', 'insights']), [
      { item: 'activity', done: false, n: 0 },
      { item: 'insights', done: false, n: 0 },
    ]);
    const activity = await discover.createActivity(library.id, activityInput(), null);
    assert.deepEqual(await journeyEvidence(t.app, library.id, ['activity', 'insights']), [
      { item: 'activity', done: true, n: 1 },
      { item: 'insights', done: false, n: 0 },
    ]);
    await discover.createInsight(library.id, { text: 'One', themes: [], activityId: activity.id }, null);
    await discover.createInsight(library.id, { text: 'Two', themes: [], activityId: null }, null);
    assert.deepEqual((await journeyEvidence(t.app, library.id, ['insights']))[0], { item: 'insights', done: true, n: 2 });
  });

  it('stores themes lower case, single-spaced and once each', async () => {
    const insight = await discover.createInsight(libraryA.id, { text: 'Themes', themes: ['Quiet  Space', ' quiet space', 'TEENS', ''], activityId: null }, null);
    assert.deepEqual(insight.themes, ['quiet space', 'teens']);
    assert.deepEqual(normaliseThemes(['Bilingual', 'bilingual ']), ['bilingual']);
    assert.ok((await discover.themesInUse(libraryA.id)).includes('quiet space'));
    assert.ok(!(await discover.themesInUse(libraryB.id)).includes('quiet space'), 'themes in use are the library’s own');
    const onTheme = await discover.listInsights(libraryA.id, { theme: 'Quiet Space' }, 1);
    assert.deepEqual(onTheme.items.map((i) => i.id), [insight.id]);
  });

  it('never finds, changes, deletes or links another library’s items', async () => {
    const activity = await discover.createActivity(libraryB.id, activityInput({ title: 'B only' }), null);
    const insight = await discover.createInsight(libraryB.id, { text: 'B insight', themes: ['b'], activityId: activity.id }, null);
    assert.equal(await discover.getActivity(libraryA.id, activity.id), undefined);
    assert.equal(await discover.getInsight(libraryA.id, insight.id), undefined);
    assert.equal(await discover.updateActivity(libraryA.id, activity.id, activityInput({ title: 'Taken' })), false);
    assert.equal(await discover.deleteActivity(libraryA.id, activity.id), false);
    assert.equal(await discover.updateInsight(libraryA.id, insight.id, { text: 'Taken', themes: [], activityId: null }), false);
    assert.equal(await discover.deleteInsight(libraryA.id, insight.id), false);
    await assert.rejects(
      discover.createInsight(libraryA.id, { text: 'Forged link', themes: [], activityId: activity.id }, null),
      UnknownActivityError,
    );
    const own = await discover.createInsight(libraryA.id, { text: 'Own', themes: [], activityId: null }, null);
    await assert.rejects(discover.updateInsight(libraryA.id, own.id, { text: 'Own', themes: [], activityId: activity.id }), UnknownActivityError);
    assert.equal((await discover.getActivity(libraryB.id, activity.id))?.title, 'B only');
    assert.deepEqual((await discover.getInsight(libraryB.id, insight.id))?.themes, ['b']);
  });

  it('keeps an activity’s insights, unlinked, when it is deleted', async () => {
    const activity = await discover.createActivity(libraryA.id, activityInput(), null);
    const insight = await discover.createInsight(libraryA.id, { text: 'Kept', themes: ['seating'], activityId: activity.id }, null);
    assert.equal(await discover.deleteActivity(libraryA.id, activity.id), true);
    const kept = await discover.getInsight(libraryA.id, insight.id);
    assert.equal(kept?.activity, null);
    assert.deepEqual(kept?.themes, ['seating']);
  });

  it('offers insight choices newest first, of the library only', async () => {
    const library = await makeLibrary(t.app);
    const older = await discover.createInsight(library.id, { text: 'Older', themes: [], activityId: null }, null);
    const newer = await discover.createInsight(library.id, { text: 'Newer', themes: [], activityId: null }, null);
    assert.deepEqual(await discover.insightChoices(library.id), [
      { id: newer.id, text: 'Newer' },
      { id: older.id, text: 'Older' },
    ]);
  });

  it('highlights every activity by date and up to eight insights, the most themed first', async () => {
    const library = await makeLibrary(t.app);
    await discover.recordMany(
      library.id,
      [
        {
          activity: activityInput({ kind: 'wish-tree', title: 'Wish Trees', date: '2017-06-01', participants: 400 }),
          insights: Array.from({ length: 9 }, (_, i) => ({ text: `Plain ${i}`, themes: [] })),
        },
        {
          activity: activityInput({ kind: 'walk-through', title: 'Walk-through', date: '2017-02-01', participants: 6 }),
          insights: [
            { text: 'Rich', themes: ['teens', 'making', 'technology'] },
            { text: 'Some', themes: ['hours'] },
          ],
        },
      ],
      null,
    );
    const { activities, insights } = await discover.highlights(library.id);
    assert.deepEqual(activities, [
      { title: 'Walk-through', kind: 'Walk-through', date: '2017-02-01', participants: 6 },
      { title: 'Wish Trees', kind: 'Wish Tree', date: '2017-06-01', participants: 400 },
    ]);
    assert.equal(insights.length, 8);
    assert.deepEqual(insights[0], { text: 'Rich', themes: ['making', 'technology', 'teens'] });
    assert.deepEqual(insights[1], { text: 'Some', themes: ['hours'] });
  });

  it('names activities and insights of the library for comment threads', async () => {
    const { workspace } = t.app.services;
    const activity = await discover.createActivity(libraryA.id, activityInput({ title: 'Dot Board at the fair' }), null);
    const insight = await discover.createInsight(libraryA.id, { text: 'People want longer hours on Saturdays.', themes: [], activityId: null }, null);
    assert.deepEqual(await workspace.resolveSubject(libraryA, 'activity', activity.id), {
      title: 'Dot Board at the fair',
      path: `/libraries/${libraryA.slug}/discover/activities/${activity.id}`,
    });
    assert.deepEqual(await workspace.resolveSubject(libraryA, 'insight', insight.id), {
      title: 'People want longer hours on Saturdays.',
      path: `/libraries/${libraryA.slug}/discover/insights/${insight.id}`,
    });
    assert.equal(await workspace.resolveSubject(libraryB, 'activity', activity.id), undefined);
    assert.equal(await workspace.resolveSubject(libraryB, 'insight', insight.id), undefined);
  });
});

describe('the discover forms', () => {
  const t = translator('en');
  const today = new Date('2017-06-15T12:00:00Z');
  const form = { kind: 'survey', title: 'Survey', date: '2018-06-15', participants: '0' };

  it('accepts a date up to a year ahead and refuses one later or unreal', () => {
    assert.equal(readActivityForm(form, t, today).ok, true);
    const late = readActivityForm({ ...form, date: '2018-06-16' }, t, today);
    assert.equal(late.ok, false);
    if (!late.ok) assert.equal(late.errors.date, 'The date can be at most a year from today');
    assert.equal(isCalendarDate('2017-02-29'), false);
    assert.equal(isCalendarDate('2016-02-29'), true);
    assert.equal(isCalendarDate('17-5-1'), false);
  });

  it('reads participants with or without thousands separators, within range', () => {
    const read = readActivityForm({ ...form, participants: '12,622' }, t, today);
    assert.equal(read.ok && read.value.participants, 12622);
    assert.equal(readActivityForm({ ...form, participants: '100000' }, t, today).ok, true);
    assert.equal(readActivityForm({ ...form, participants: '100001' }, t, today).ok, false);
    assert.equal(readActivityForm({ ...form, participants: '-1' }, t, today).ok, false);
    assert.equal(readActivityForm({ ...form, participants: '2.5' }, t, today).ok, false);
  });

  it('lists every problem in the order of the fields', () => {
    const read = readActivityForm({ kind: 'nonsense', title: 'x'.repeat(201), date: 'soon', participants: '' }, t, today);
    assert.equal(read.ok, false);
    if (!read.ok) assert.deepEqual(Object.keys(read.errors), ['kind', 'title', 'date', 'participants']);
  });

  it('splits themes at commas and drops blanks and repeats', () => {
    assert.deepEqual(parseThemes(' Teens, quiet  space,,teens ,'), ['teens', 'quiet space']);
    assert.deepEqual(parseThemes(''), []);
  });
});
