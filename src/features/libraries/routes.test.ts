import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from '../../../tests/support/app';
import { TestClient } from '../../../tests/support/client';
import { makeCohort, makeLibrary, makePerson, PASSWORD } from '../../../tests/support/factories';
import type { Library } from './service';
import type { Cohort } from '../programs/service';

/** The error message shown next to a field, or undefined. */
function fieldError(html: string, field: string): string | undefined {
  return new RegExp(`id="field-${field}-error">([^<]*)<`).exec(html)?.[1];
}

/** The library form's fields as a browser would post them. */
const libraryFields = (overrides: Record<string, string> = {}) => ({
  name: 'Ignacio Community Library',
  town: 'Ignacio',
  state: 'CO',
  peopleServed: '5,200',
  timeZone: 'America/Denver',
  website: 'https://ignacio.example.org/',
  description: 'Built foam-board prototypes of a media lab.',
  cohort: '',
  ...overrides,
});

describe('library pages', () => {
  let t: TestApp;
  let cohort: Cohort;
  let libraryA: Library;
  let libraryB: Library;
  const people: Record<string, { id: string; email: string; name: string }> = {};
  const clients: Record<string, TestClient> = {};

  /** A client signed in as one of the people made in `before`. */
  const as = (name: string): TestClient => {
    const client = clients[name];
    if (!client) throw new Error(`No client ${name}`);
    return client;
  };

  before(async () => {
    t = await createTestApp();
    cohort = await makeCohort(t.app, { name: 'First cohort' });
    libraryA = await makeLibrary(t.app, { name: 'Alpha Public Library', state: 'IA', cohortId: cohort.id });
    libraryB = await makeLibrary(t.app, { name: 'Beta Free Library', state: 'NY' });
    const made = {
      admin: await makePerson(t.app, { role: 'admin', name: 'Ada Admin' }),
      leadA: await makePerson(t.app, { role: 'staff', libraryId: libraryA.id, libraryRole: 'lead', name: 'Lee Lead' }),
      staffA: await makePerson(t.app, { role: 'staff', libraryId: libraryA.id, name: 'Sam Staff' }),
      staffB: await makePerson(t.app, { role: 'staff', libraryId: libraryB.id, name: 'Bea Staff' }),
      coachA: await makePerson(t.app, { role: 'coach', coachedLibraryIds: [libraryA.id], name: 'Cam Coach' }),
      loner: await makePerson(t.app, { role: 'staff', name: 'Lou Loner' }),
    };
    for (const [name, person] of Object.entries(made)) {
      people[name] = person;
      clients[name] = new TestClient(t.app);
      await clients[name].signIn(person.email, PASSWORD);
    }
  });
  after(() => t.close());

  describe('the list', () => {
    it('shows each person only the libraries they may open', async () => {
      const admin = await as('admin').get('/libraries');
      assert.equal(admin.statusCode, 200);
      assert.match(admin.body, /Alpha Public Library/);
      assert.match(admin.body, /Beta Free Library/);
      assert.match(admin.body, /href="\/libraries\/new"/);
      assert.match(admin.body, /<caption>Libraries \(2\)<\/caption>/);

      const staffB = await as('staffB').get('/libraries');
      assert.equal(staffB.statusCode, 200);
      assert.doesNotMatch(staffB.body, /Alpha Public Library/);
      assert.match(staffB.body, /href="\/libraries\/beta-free-library">Beta Free Library/);
      assert.doesNotMatch(staffB.body, /href="\/libraries\/new"/);

      const coach = await as('coachA').get('/libraries');
      assert.match(coach.body, /Alpha Public Library/);
      assert.doesNotMatch(coach.body, /Beta Free Library/);

      const loner = await as('loner').get('/libraries');
      assert.equal(loner.statusCode, 200);
      assert.match(loner.body, /You are not linked to any library yet/);

      const visitor = await new TestClient(t.app).get('/libraries');
      assert.equal(visitor.statusCode, 303);
      assert.equal(visitor.headers.location, '/sign-in?next=%2Flibraries');
    });

    it('filters by state and cohort, ignoring values that are not real filters', async () => {
      const byState = await as('admin').get('/libraries?state=NY');
      assert.doesNotMatch(byState.body, /Alpha Public Library/);
      assert.match(byState.body, /Beta Free Library/);
      assert.match(byState.body, /<option value="NY" selected>NY<\/option>/);
      assert.match(byState.body, /href="\/libraries">Clear filters/);
      const lower = await as('admin').get('/libraries?state=ny');
      assert.doesNotMatch(lower.body, /Alpha Public Library/);
      const byCohort = await as('admin').get(`/libraries?cohort=${cohort.id}`);
      assert.match(byCohort.body, /Alpha Public Library/);
      assert.doesNotMatch(byCohort.body, /Beta Free Library/);
      const none = await as('admin').get(`/libraries?cohort=${cohort.id}&state=NY`);
      assert.match(none.body, /No libraries match these filters/);
      for (const query of ['state=ZZ', 'state[]=NY', 'cohort=nope', `state=${'x'.repeat(5000)}`, 'page=-1', 'page=abc', 'page=99999999999']) {
        const response = await as('admin').get(`/libraries?${query}`);
        assert.equal(response.statusCode, 200, query);
        assert.match(response.body, /Alpha Public Library/, query);
        assert.match(response.body, /Beta Free Library/, query);
      }
      // Filters never widen what a person sees.
      const staffB = await as('staffB').get('/libraries?state=IA');
      assert.doesNotMatch(staffB.body, /Alpha Public Library/);
    });
  });

  describe('a library page', () => {
    it('shows the profile, the team and the coaches to the library’s own people', async () => {
      const page = await as('staffA').get('/libraries/alpha-public-library');
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /<h1>Alpha Public Library<\/h1>/);
      assert.match(page.body, /<dt>Cohort<\/dt><dd>First cohort<\/dd>/);
      assert.match(page.body, /<dt>People served<\/dt><dd>1,200<\/dd>/);
      assert.match(page.body, /<caption>Team of Alpha Public Library<\/caption>/);
      assert.match(page.body, /Lee Lead<\/td><td><a href="mailto:[^"]+">[^<]+<\/a><\/td><td>Lead<\/td>/);
      assert.match(page.body, /Sam Staff/);
      assert.match(page.body, /Cam Coach/);
      assert.doesNotMatch(page.body, /Invite a team member/);
      assert.doesNotMatch(page.body, /\/remove"/);
      assert.doesNotMatch(page.body, /\/edit"/);

      const coach = await as('coachA').get('/libraries/alpha-public-library');
      assert.equal(coach.statusCode, 200);
      assert.doesNotMatch(coach.body, /Invite a team member/);

      const lead = await as('leadA').get('/libraries/alpha-public-library');
      assert.match(lead.body, /href="\/libraries\/alpha-public-library\/invite"/);
      assert.match(lead.body, new RegExp(`href="/libraries/alpha-public-library/members/${people.staffA!.id}/remove" aria-label="Remove Sam Staff from the team"`));
      assert.doesNotMatch(lead.body, /\/edit"/);

      const admin = await as('admin').get('/libraries/alpha-public-library');
      assert.match(admin.body, /href="\/libraries\/alpha-public-library\/edit"/);
      assert.match(admin.body, new RegExp(`href="/people/${people.leadA!.id}">Lee Lead`));
    });

    it('is closed to people of other libraries and to coaches of other libraries', async () => {
      assert.equal((await as('staffB').get('/libraries/alpha-public-library')).statusCode, 403);
      assert.equal((await as('loner').get('/libraries/alpha-public-library')).statusCode, 403);
      const otherCoach = await makePerson(t.app, { role: 'coach', coachedLibraryIds: [libraryB.id] });
      const client = new TestClient(t.app);
      await client.signIn(otherCoach.email, PASSWORD);
      assert.equal((await client.get('/libraries/alpha-public-library')).statusCode, 403);
      const visitor = await new TestClient(t.app).get('/libraries/alpha-public-library');
      assert.equal(visitor.statusCode, 303);
    });

    it('answers 404 for a library that does not exist', async () => {
      for (const url of ['/libraries/no-such-library', '/libraries/no-such-library/invite', `/libraries/${'x'.repeat(150)}`]) {
        assert.equal((await as('admin').get(url)).statusCode, 404, url);
        assert.equal((await as('staffA').get(url)).statusCode, 404, url);
      }
      assert.equal((await as('admin').get('/libraries/no-such-library/edit')).statusCode, 404);
      assert.equal((await as('admin').post('/libraries/no-such-library/edit', libraryFields())).statusCode, 404);
      assert.equal((await as('admin').get(`/libraries/alpha-public-library/members/${people.staffA!.id}x/remove`)).statusCode, 404);
    });
  });

  describe('adding and editing libraries', () => {
    it('is for program admins only', async () => {
      for (const name of ['leadA', 'coachA']) {
        assert.equal((await as(name).get('/libraries/new')).statusCode, 403, name);
        assert.equal((await as(name).post('/libraries/new', libraryFields())).statusCode, 403, name);
        assert.equal((await as(name).get('/libraries/alpha-public-library/edit')).statusCode, 403, name);
        assert.equal((await as(name).post('/libraries/alpha-public-library/edit', libraryFields())).statusCode, 403, name);
      }
      assert.equal(await t.app.services.libraries.getLibraryBySlug('ignacio-community-library'), undefined);
    });

    it('adds a library and opens its page', async () => {
      const form = await as('admin').get('/libraries/new');
      assert.equal(form.statusCode, 200);
      assert.match(form.body, /<option value="America\/Chicago" selected>America\/Chicago<\/option>/);
      assert.match(form.body, new RegExp(`<option value="${cohort.id}">First cohort</option>`));
      const created = await as('admin').post('/libraries/new', libraryFields({ state: 'co', cohort: cohort.id }));
      assert.equal(created.statusCode, 303);
      assert.equal(created.headers.location, '/libraries/ignacio-community-library');
      const library = await t.app.services.libraries.getLibraryBySlug('ignacio-community-library');
      assert.deepEqual(
        { state: library?.state, peopleServed: library?.peopleServed, cohortId: library?.cohortId, website: library?.website },
        { state: 'CO', peopleServed: 5200, cohortId: cohort.id, website: 'https://ignacio.example.org/' },
      );
      const page = await as('admin').get('/libraries/ignacio-community-library');
      assert.match(page.body, /Ignacio Community Library has been added/);
      assert.match(page.body, /No one is on this library’s team yet/);
      assert.match(page.body, /No coach is assigned to this library yet/);
      const optional = await as('admin').post('/libraries/new', libraryFields({ name: 'Tucker Free Library', peopleServed: '', website: '', description: '' }));
      assert.equal(optional.statusCode, 303);
      const tucker = await t.app.services.libraries.getLibraryBySlug('tucker-free-library');
      assert.equal(tucker?.peopleServed, null);
      assert.equal(tucker?.cohortId, null);
      assert.match((await as('admin').get('/libraries/tucker-free-library')).body, /<dt>People served<\/dt><dd>Not known<\/dd>/);
    });

    it('names each problem next to its field and keeps the input', async () => {
      const cases: Array<[Record<string, string>, string, RegExp]> = [
        [{ name: '' }, 'name', /Enter library name/],
        [{ name: 'x'.repeat(100_000) }, 'name', /Library name must be 200 characters or fewer/],
        [{ town: '' }, 'town', /Enter town/],
        [{ state: '' }, 'state', /two-letter code/],
        [{ state: 'XX' }, 'state', /two-letter code/],
        [{ state: 'Iowa' }, 'state', /must be 2 characters or fewer|two-letter code/],
        [{ state: 'I1' }, 'state', /two-letter code/],
        [{ peopleServed: '-5' }, 'peopleServed', /whole number/],
        [{ peopleServed: '1.5' }, 'peopleServed', /whole number/],
        [{ peopleServed: 'many' }, 'peopleServed', /whole number/],
        [{ peopleServed: '5000000000' }, 'peopleServed', /whole number/],
        [{ timeZone: '' }, 'timeZone', /Choose a time zone/],
        [{ timeZone: 'Mars/Olympus_Mons' }, 'timeZone', /Choose a time zone/],
        [{ website: 'javascript:alert(1)' }, 'website', /http:\/\/ or https:\/\//],
        [{ website: 'ftp://files.example.org' }, 'website', /http:\/\/ or https:\/\//],
        [{ website: 'https://exa mple.org' }, 'website', /http:\/\/ or https:\/\//],
        [{ description: 'x'.repeat(1001) }, 'description', /1000 characters or fewer/],
        [{ cohort: 'no-such-cohort' }, 'cohort', /Choose a cohort from the list/],
      ];
      for (const [overrides, field, message] of cases) {
        const response = await as('admin').post('/libraries/new', libraryFields({ name: 'Madison Public Library', ...overrides }));
        assert.equal(response.statusCode, 400, JSON.stringify(overrides).slice(0, 80));
        assert.match(fieldError(response.body, field) ?? '', message, JSON.stringify(overrides).slice(0, 80));
      }
      const kept = await as('admin').post('/libraries/new', libraryFields({ name: 'Madison Public Library', state: 'XX', timeZone: 'Nowhere', website: 'nope' }));
      assert.equal(kept.statusCode, 400);
      assert.ok(fieldError(kept.body, 'state') && fieldError(kept.body, 'timeZone') && fieldError(kept.body, 'website'));
      assert.match(kept.body, /value="Madison Public Library"/);
      assert.equal(await t.app.services.libraries.getLibraryBySlug('madison-public-library'), undefined);
    });

    it('refuses a form without its CSRF token', async () => {
      const response = await as('admin').post('/libraries/new', libraryFields({ name: 'Forged Library' }), { csrf: false });
      assert.equal(response.statusCode, 403);
      assert.equal(await t.app.services.libraries.getLibraryBySlug('forged-library'), undefined);
    });

    it('edits a profile with its values filled in, keeping the address', async () => {
      const form = await as('admin').get('/libraries/beta-free-library/edit');
      assert.equal(form.statusCode, 200);
      assert.match(form.body, /<h1>Edit Beta Free Library<\/h1>/);
      assert.match(form.body, /name="state" type="text" value="NY"/);
      assert.match(form.body, /name="peopleServed" type="text" value="1200"/);
      const bad = await as('admin').post('/libraries/beta-free-library/edit', libraryFields({ state: 'ZZ' }));
      assert.equal(bad.statusCode, 400);
      const saved = await as('admin').post('/libraries/beta-free-library/edit', libraryFields({ name: 'Beta Library District', state: 'NY', cohort: cohort.id }));
      assert.equal(saved.statusCode, 303);
      assert.equal(saved.headers.location, '/libraries/beta-free-library');
      const library = await t.app.services.libraries.getLibraryBySlug('beta-free-library');
      assert.equal(library?.name, 'Beta Library District');
      assert.equal(library?.cohortId, cohort.id);
      assert.equal((await as('admin').post('/libraries/beta-free-library/edit', libraryFields(), { csrf: false })).statusCode, 403);
    });
  });

  describe('inviting to a team', () => {
    it('lets the lead invite a member, who is emailed a link and joins the team as invited', async () => {
      const form = await as('leadA').get('/libraries/alpha-public-library/invite');
      assert.equal(form.statusCode, 200);
      assert.match(form.body, /<h1>Invite someone to Alpha Public Library<\/h1>/);
      const response = await as('leadA').post('/libraries/alpha-public-library/invite', {
        email: 'New.Member@Example.org',
        name: 'Nia Newcomer',
        libraryRole: 'member',
        locale: 'en',
      });
      assert.equal(response.statusCode, 303);
      assert.equal(response.headers.location, '/libraries/alpha-public-library');
      const outbox = await t.app.services.mail.listOutbox(1);
      const message = outbox.items.find((m) => m.to_address === 'new.member@example.org');
      assert.ok(message, 'the invitation is in the outbox');
      const full = await t.app.services.mail.getOutboxMessage(message.id);
      assert.match(full?.text_body ?? '', /http:\/\/smartspaces\.test\/invitations\/[\w-]+/);
      const invitee = await t.app.services.accounts.findPersonByEmail('new.member@example.org');
      assert.equal(invitee?.status, 'invited');
      assert.equal(invitee?.role, 'staff');
      assert.deepEqual(await t.app.services.libraries.linksOf(invitee!.id), { memberships: [{ libraryId: libraryA.id, role: 'member' }], coachedLibraryIds: [] });
      const page = await as('leadA').get('/libraries/alpha-public-library');
      assert.match(page.body, /An invitation has been sent to Nia Newcomer/);
      assert.match(page.body, /Nia Newcomer<\/td><td><a href="mailto:new.member@example.org">new.member@example.org<\/a><\/td><td>Member<\/td><td><span class="tag">Invited<\/span>/);
    });

    it('lets an admin invite a lead', async () => {
      const response = await as('admin').post('/libraries/beta-free-library/invite', {
        email: 'lead.b@example.org',
        name: 'Bo Lead',
        libraryRole: 'lead',
        locale: 'es',
      });
      assert.equal(response.statusCode, 303);
      const invitee = await t.app.services.accounts.findPersonByEmail('lead.b@example.org');
      assert.equal(invitee?.locale, 'es');
      assert.deepEqual((await t.app.services.libraries.linksOf(invitee!.id)).memberships, [{ libraryId: libraryB.id, role: 'lead' }]);
    });

    it('answers the same whether or not the address has an account, and tells the account holder by email', async () => {
      const invite = (email: string) =>
        as('leadA').post('/libraries/alpha-public-library/invite', { email, name: 'Same Name', libraryRole: 'lead', locale: 'en' });
      /** The status, redirect and message the lead sees, with the address itself blanked. */
      const seen = async (email: string) => {
        const response = await invite(email);
        const page = await as('leadA').get(String(response.headers.location));
        const notice = /<div class="flash[^]*?<\/div>/.exec(page.body)?.[0].replaceAll(email, 'ADDRESS');
        return { status: response.statusCode, location: response.headers.location, notice };
      };
      const existing = people.staffB!.email;
      const fresh = await seen('brand.new.person@example.org');
      const taken = await seen(existing.toUpperCase());
      assert.equal(fresh.status, 303);
      assert.ok(fresh.notice);
      assert.deepEqual({ ...taken, notice: taken.notice?.replaceAll(existing, 'ADDRESS') }, fresh);

      // Nothing about the existing account changed, and its owner was told, without a link that grants anything.
      assert.deepEqual((await t.app.services.libraries.linksOf(people.staffB!.id)).memberships, [{ libraryId: libraryB.id, role: 'member' }]);
      const outbox = await t.app.services.mail.listOutbox(1);
      const notice = outbox.items.find((m) => m.to_address === existing);
      assert.ok(notice, 'the account holder is told');
      const body = (await t.app.services.mail.getOutboxMessage(notice.id))?.text_body ?? '';
      assert.match(body, /tried to invite you to the team at Alpha Public Library/);
      assert.doesNotMatch(body, /\/invitations\//);
    });

    it('names each problem in the invitation form', async () => {
      const good = { email: 'x@example.org', name: 'X', libraryRole: 'member', locale: 'en' };
      const cases: Array<[Record<string, string>, string, RegExp]> = [
        [{ email: '' }, 'email', /correct format/],
        [{ email: 'not-an-email' }, 'email', /correct format/],
        [{ email: `${'x'.repeat(100_000)}@example.org` }, 'email', /254 characters or fewer/],
        [{ name: '' }, 'name', /Enter full name/],
        [{ name: 'x'.repeat(121) }, 'name', /120 characters or fewer/],
        [{ libraryRole: 'admin' }, 'libraryRole', /member or a lead/],
        [{ libraryRole: '' }, 'libraryRole', /member or a lead/],
        [{ locale: 'fr' }, 'locale', /language/],
      ];
      for (const [overrides, field, message] of cases) {
        const response = await as('leadA').post('/libraries/alpha-public-library/invite', { ...good, ...overrides });
        assert.equal(response.statusCode, 400, JSON.stringify(overrides).slice(0, 80));
        assert.match(fieldError(response.body, field) ?? '', message, field);
      }
      assert.equal(await t.app.services.accounts.findPersonByEmail('x@example.org'), undefined);
    });

    it('is closed to members who are not leads, to other libraries and to coaches', async () => {
      const fields = { email: 'intruder@example.org', name: 'Intruder', libraryRole: 'lead', locale: 'en' };
      for (const name of ['staffA', 'staffB', 'coachA', 'loner']) {
        assert.equal((await as(name).get('/libraries/alpha-public-library/invite')).statusCode, 403, name);
        assert.equal((await as(name).post('/libraries/alpha-public-library/invite', fields)).statusCode, 403, name);
      }
      assert.equal((await as('leadA').post('/libraries/beta-free-library/invite', fields)).statusCode, 403);
      assert.equal((await as('leadA').post('/libraries/alpha-public-library/invite', fields, { csrf: false })).statusCode, 403);
      const visitor = await new TestClient(t.app).get('/libraries/alpha-public-library/invite');
      assert.equal(visitor.statusCode, 303);
      assert.equal(await t.app.services.accounts.findPersonByEmail('intruder@example.org'), undefined);
    });
  });

  describe('removing a team member', () => {
    it('asks first, then removes the membership but keeps the account', async () => {
      const member = await makePerson(t.app, { role: 'staff', libraryId: libraryA.id, name: 'Rae Removed' });
      const url = `/libraries/alpha-public-library/members/${member.id}/remove`;
      const confirm = await as('leadA').get(url);
      assert.equal(confirm.statusCode, 200);
      assert.match(confirm.body, /<h1>Remove Rae Removed from Alpha Public Library\?<\/h1>/);
      assert.match(confirm.body, /class="button button-danger">Remove Rae Removed from the team</);
      assert.equal((await as('leadA').post(url, {}, { csrf: false })).statusCode, 403);
      for (const name of ['staffA', 'coachA', 'staffB']) assert.equal((await as(name).post(url)).statusCode, 403, name);
      assert.equal((await t.app.services.libraries.linksOf(member.id)).memberships.length, 1);

      const removed = await as('leadA').post(url);
      assert.equal(removed.statusCode, 303);
      assert.equal(removed.headers.location, '/libraries/alpha-public-library');
      assert.deepEqual(await t.app.services.libraries.linksOf(member.id), { memberships: [], coachedLibraryIds: [] });
      assert.equal((await t.app.services.accounts.getPerson(member.id))?.status, 'active');
      const page = await as('leadA').get('/libraries/alpha-public-library');
      assert.match(page.body, /Rae Removed has been removed from the team of Alpha Public Library/);
      assert.equal((await as('leadA').get(url)).statusCode, 404, 'no longer a member');
      assert.equal((await as('leadA').post(url)).statusCode, 404);
    });

    it('answers 404 for people who are not on this library’s team', async () => {
      for (const id of [people.staffB!.id, people.coachA!.id, 'no-such-person']) {
        const url = `/libraries/alpha-public-library/members/${id}/remove`;
        assert.equal((await as('leadA').get(url)).statusCode, 404, id);
        assert.equal((await as('leadA').post(url)).statusCode, 404, id);
      }
      // A lead of A cannot reach B's team through A's address, nor through B's.
      assert.equal((await as('leadA').post(`/libraries/beta-free-library/members/${people.staffB!.id}/remove`)).statusCode, 403);
      assert.equal((await t.app.services.libraries.linksOf(people.staffB!.id)).memberships.length, 1);
    });

    it('sends a lead who removes themselves to their dashboard', async () => {
      const lead = await makePerson(t.app, { role: 'staff', libraryId: libraryB.id, libraryRole: 'lead' });
      const client = new TestClient(t.app);
      await client.signIn(lead.email, PASSWORD);
      const url = `/libraries/beta-free-library/members/${lead.id}/remove`;
      assert.match((await client.get(url)).body, /You are removing yourself/);
      const response = await client.post(url);
      assert.equal(response.statusCode, 303);
      assert.equal(response.headers.location, '/dashboard');
      assert.equal((await client.get('/libraries/beta-free-library')).statusCode, 403);
    });
  });
});
