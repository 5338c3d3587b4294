import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from '../../../tests/support/app';
import { makeCohort, makeLibrary, makePerson } from '../../../tests/support/factories';
import { slugify } from '../../i18n/slug';
import { UnknownCohortError, type LibraryInput } from './service';
import { readLibraryForm, stateCode } from './schema';
import { translator } from '../../i18n';

const INPUT: LibraryInput = {
  name: 'Glenns Ferry Public Library',
  town: 'Glenns Ferry',
  state: 'ID',
  peopleServed: 1241,
  timeZone: 'America/Boise',
  website: 'https://glennsferry.example.org',
  description: 'Turned a VHS storage room into a makerspace.',
  cohortId: null,
};

describe('library slugs and form checks', () => {
  it('makes readable, address-safe slugs from names', () => {
    assert.equal(slugify('Honey Grove Library & Learning Center', 'library'), 'honey-grove-library-learning-center');
    assert.equal(slugify('  Biblioteca Pública de Añasco  ', 'library'), 'biblioteca-publica-de-anasco');
    assert.equal(slugify('Wilton Public and Gregg Free Library', 'library'), 'wilton-public-and-gregg-free-library');
    assert.equal(slugify('!!!', 'library'), 'library');
    assert.equal(slugify('图书馆', 'library'), 'library');
    const long = slugify(`${'a'.repeat(79)} b c`, 'library');
    assert.ok(long.length <= 80 && !long.endsWith('-'), long);
  });

  it('accepts state codes in any case and nothing else', () => {
    assert.equal(stateCode('id'), 'ID');
    assert.equal(stateCode(' NY '), 'NY');
    assert.equal(stateCode('XX'), undefined);
    assert.equal(stateCode(['ID']), undefined);
    assert.equal(stateCode(undefined), undefined);
  });

  it('reads a library form into a profile', () => {
    const t = translator('en');
    const fields = { name: 'A', town: 'B', state: 'ia', peopleServed: '12,646', timeZone: 'America/Chicago', website: '', description: '', cohort: '' };
    const ok = readLibraryForm(fields, t, []);
    assert.ok(ok.ok);
    assert.deepEqual(ok.value, { name: 'A', town: 'B', state: 'IA', peopleServed: 12646, timeZone: 'America/Chicago', website: '', description: '', cohortId: null });
    const bad = readLibraryForm({ ...fields, state: 'QQ', peopleServed: '999999999999', timeZone: 'Mars/Olympus', website: 'http://', cohort: 'nope' }, t, ['c1']);
    assert.equal(bad.ok, false);
    if (!bad.ok) assert.deepEqual(Object.keys(bad.errors).sort(), ['cohort', 'peopleServed', 'state', 'timeZone', 'website']);
  });
});

describe('libraries service', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  it('creates a library with a unique slug made from its name, and finds it by slug', async () => {
    const { libraries } = t.app.services;
    const first = await libraries.createLibrary(INPUT);
    assert.equal(first.slug, 'glenns-ferry-public-library');
    assert.equal(first.peopleServed, 1241);
    const second = await libraries.createLibrary({ ...INPUT, peopleServed: null });
    assert.equal(second.slug, 'glenns-ferry-public-library-2');
    assert.equal((await libraries.createLibrary({ ...INPUT, name: 'New' })).slug, 'new-2');
    assert.deepEqual(await libraries.getLibraryBySlug(first.slug), first);
    assert.equal((await libraries.getLibraryBySlug(second.slug))?.peopleServed, null);
    assert.deepEqual(await libraries.findForAccess(first.slug), { id: first.id, slug: first.slug, name: first.name, timeZone: 'America/Boise' });
    assert.equal(await libraries.findForAccess('no-such-library'), undefined);
    assert.equal(await libraries.findForAccess(''), undefined);
    assert.equal(await libraries.getLibraryBySlug('no-such-library'), undefined);
    assert.deepEqual(await libraries.getLibrary(first.id), first);
    assert.equal(await libraries.getLibrary('no-such-id'), undefined);
  });

  it('updates a profile but keeps the slug, and refuses unknown cohorts and libraries', async () => {
    const { libraries } = t.app.services;
    const library = await libraries.createLibrary({ ...INPUT, name: 'Hot Springs Library' });
    await libraries.updateLibrary(library.id, { ...INPUT, name: 'Hot Springs Branch Library', state: 'NC', peopleServed: 560 });
    const changed = await libraries.getLibraryBySlug('hot-springs-library');
    assert.equal(changed?.name, 'Hot Springs Branch Library');
    assert.equal(changed?.peopleServed, 560);
    await assert.rejects(libraries.updateLibrary(library.id, { ...INPUT, cohortId: 'no-such-cohort' }), UnknownCohortError);
    await assert.rejects(libraries.createLibrary({ ...INPUT, cohortId: 'no-such-cohort' }), UnknownCohortError);
    await assert.rejects(libraries.updateLibrary('no-such-library', INPUT));
    const cohort = await makeCohort(t.app);
    await libraries.updateLibrary(library.id, { ...INPUT, cohortId: cohort.id });
    assert.equal((await libraries.getLibraryBySlug(library.slug))?.cohortId, cohort.id);
    assert.deepEqual([...(await libraries.countByCohort())], [[cohort.id, 1]]);
  });

  it('keeps teams: members with roles, removal, and coaches', async () => {
    const { libraries, accounts } = t.app.services;
    const library = await makeLibrary(t.app);
    const other = await makeLibrary(t.app);
    const lead = await makePerson(t.app, { role: 'staff', libraryId: library.id, libraryRole: 'lead' });
    const member = await makePerson(t.app, { role: 'staff', libraryId: library.id });
    const coach = await makePerson(t.app, { role: 'coach', coachedLibraryIds: [library.id, other.id, library.id] });
    assert.deepEqual(await libraries.team(library.id), {
      members: [
        { userId: lead.id, role: 'lead' },
        { userId: member.id, role: 'member' },
      ],
      coachIds: [coach.id],
    });
    await libraries.addMember(library.id, member.id, 'lead');
    assert.deepEqual((await libraries.team(library.id)).members.map((m) => m.role), ['lead', 'lead']);
    await libraries.removeMember(library.id, member.id);
    assert.deepEqual((await libraries.team(library.id)).members.map((m) => m.userId), [lead.id]);
    assert.ok(await accounts.getPerson(member.id), 'the account stays');
    await libraries.removeMember(library.id, member.id);

    assert.deepEqual(await libraries.linksOf(lead.id), { memberships: [{ libraryId: library.id, role: 'lead' }], coachedLibraryIds: [] });
    assert.deepEqual((await libraries.linksOf(coach.id)).coachedLibraryIds.sort(), [library.id, other.id].sort());
    await libraries.setCoachedLibraries(coach.id, [other.id]);
    assert.deepEqual(await libraries.linksOf(coach.id), { memberships: [], coachedLibraryIds: [other.id] });
    assert.deepEqual((await libraries.team(library.id)).coachIds, []);
    await libraries.setCoachedLibraries(coach.id, []);
    assert.deepEqual(await libraries.linksOf(coach.id), { memberships: [], coachedLibraryIds: [] });

    await libraries.setCoachedLibraries(coach.id, [library.id]);
    const links = await libraries.linksForPeople([lead.id, coach.id, member.id, 'no-such-person']);
    assert.deepEqual(links.get(lead.id), {
      memberships: [{ libraryId: library.id, slug: library.slug, libraryName: library.name, role: 'lead' }],
      coached: [],
    });
    assert.deepEqual(links.get(coach.id), { memberships: [], coached: [{ libraryId: library.id, slug: library.slug, libraryName: library.name }] });
    assert.deepEqual(links.get(member.id), { memberships: [], coached: [] });
    assert.deepEqual(links.get('no-such-person'), { memberships: [], coached: [] });
    assert.equal((await libraries.linksForPeople([])).size, 0);
  });
});

describe('listing libraries', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  it('filters by visibility, state and cohort, 25 a page, by name', async () => {
    const { libraries } = t.app.services;
    const cohort = await makeCohort(t.app);
    const made = [];
    for (let i = 0; i < 30; i++) {
      made.push(await makeLibrary(t.app, { name: `Library ${String(i).padStart(2, '0')}`, state: i < 10 ? 'NY' : 'IA', cohortId: i % 2 ? cohort.id : null }));
    }
    const all = await libraries.listLibraries({ visible: 'all' }, 1);
    assert.equal(all.total, 30);
    assert.equal(all.pages, 2);
    assert.equal(all.items.length, 25);
    assert.equal(all.items[0]?.name, 'Library 00');
    const second = await libraries.listLibraries({ visible: 'all' }, 2);
    assert.deepEqual(second.items.map((l) => l.name), ['Library 25', 'Library 26', 'Library 27', 'Library 28', 'Library 29']);
    assert.equal((await libraries.listLibraries({ visible: 'all' }, 99)).page, 2);
    assert.equal((await libraries.listLibraries({ visible: 'all', state: 'NY' }, 1)).total, 10);
    assert.equal((await libraries.listLibraries({ visible: 'all', cohortId: cohort.id }, 1)).total, 15);
    assert.equal((await libraries.listLibraries({ visible: 'all', state: 'NY', cohortId: cohort.id }, 1)).total, 5);
    const none = await libraries.listLibraries({ visible: [] }, 1);
    assert.deepEqual({ ...none }, { items: [], page: 1, pages: 1, total: 0 });
    const some = await libraries.listLibraries({ visible: [made[3]!.id, made[12]!.id], state: 'IA' }, 1);
    assert.deepEqual(some.items.map((l) => l.id), [made[12]!.id]);
    assert.equal((await libraries.allLibraries()).length, 30);
    assert.equal((await libraries.countByCohort()).get(cohort.id), 15);
  });
});
