import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { createTestApp, type TestApp } from '../../../tests/support/app';
import { TestClient } from '../../../tests/support/client';
import { makeLibrary, makePerson } from '../../../tests/support/factories';
import { assertInOrder } from '../../../tests/support/order';

/** The error message shown next to a field, or undefined. */
function fieldError(html: string, field: string): string | undefined {
  return new RegExp(`id="field-${field}-error">([^<]*)<`).exec(html)?.[1];
}

const PEOPLE = ['staffA', 'leadA', 'coachA', 'admin', 'staffB', 'coachB'] as const;
type Who = (typeof PEOPLE)[number];

/**
 * Insights and surveys belong to other parts of the workspace; their
 * services' contracts are replaced here by fixed lists per library, so these
 * tests depend only on those contracts.
 */
function fakeLinkedItems(app: FastifyInstance, insights: Record<string, Array<{ id: string; text: string }>>, surveys: Record<string, string[]>) {
  app.services.discover.insightChoices = async (libraryId) => insights[libraryId] ?? [];
  app.services.surveys.listForLibrary = async (libraryId) =>
    (surveys[libraryId] ?? []).map((id) => ({ id, titleEn: `Survey ${id}`, titleEs: `Encuesta ${id}`, status: 'open' as const }));
}

describe('ideas and prototypes (HTTP)', () => {
  let t: TestApp;
  let slugA: string;
  let slugB: string;
  let libraryAId: string;
  let libraryBId: string;
  const as = {} as Record<Who, TestClient>;
  const names = {} as Record<Who, string>;
  let base: string;
  /** An idea, a prototype and a session of library B, for forged-id tests. */
  const foreign = { idea: '', prototype: '', session: '' };

  before(async () => {
    t = await createTestApp();
    const { app } = t;
    const libraryA = await makeLibrary(app, { name: 'Ignacio Community Library' });
    const libraryB = await makeLibrary(app, { name: 'Madison Public Library' });
    libraryAId = libraryA.id;
    libraryBId = libraryB.id;
    slugA = libraryA.slug;
    slugB = libraryB.slug;
    base = `/libraries/${slugA}/ideate`;
    const made = {
      staffA: await makePerson(app, { role: 'staff', libraryId: libraryA.id, libraryRole: 'member', name: 'Sam Staff' }),
      leadA: await makePerson(app, { role: 'staff', libraryId: libraryA.id, libraryRole: 'lead' }),
      coachA: await makePerson(app, { role: 'coach', coachedLibraryIds: [libraryA.id] }),
      admin: await makePerson(app, { role: 'admin' }),
      staffB: await makePerson(app, { role: 'staff', libraryId: libraryB.id, libraryRole: 'lead' }),
      coachB: await makePerson(app, { role: 'coach', coachedLibraryIds: [libraryB.id] }),
    };
    for (const who of PEOPLE) {
      const client = new TestClient(app);
      const { token } = await app.services.accounts.createSession(made[who].id, { userAgent: 'test', ipAddress: '127.0.0.1' });
      client.setCookie('ss_session', token);
      as[who] = client;
      names[who] = made[who].name;
    }
    fakeLinkedItems(
      app,
      {
        [libraryA.id]: [
          { id: 'insight-a1', text: 'Teens want a place to record music' },
          { id: 'insight-a2', text: 'Families need room to sit together' },
        ],
        [libraryB.id]: [{ id: 'insight-b1', text: 'More seating near the windows' }],
      },
      { [libraryA.id]: ['survey-a'], [libraryB.id]: ['survey-b'] },
    );
    const { prototypes } = app.services;
    const idea = await prototypes.createIdea(libraryB.id, { title: 'B idea', description: '', insightIds: ['insight-b1'] }, null);
    const prototype = await prototypes.createPrototype(
      libraryB.id,
      { title: 'B prototype', description: '', materials: '', costCents: 0, ideaId: idea.id },
      null,
    );
    const sessions = await prototypes.addSessions(
      libraryB.id,
      prototype.id,
      [{ heldOn: '2017-04-01', place: 'Lobby', patrons: 3, observations: '', feedback: '', surveyId: null }],
      null,
    );
    Object.assign(foreign, { idea: idea.id, prototype: prototype.id, session: sessions && sessions[0]!.id });
  });
  after(() => t.close());

  const ideaFields = (overrides: Record<string, string | string[]> = {}) => ({
    title: 'A small recording booth',
    description: 'Foam-board walls around a table.\n\nTeens could book it.',
    insights: ['insight-a1'],
    ...overrides,
  });
  const prototypeFields = (overrides: Record<string, string> = {}) => ({
    title: 'Foam-board booth',
    description: 'A booth at one-third scale.',
    materials: 'Foam board, hot glue, egg-carton foam',
    cost: '45.50',
    idea: '',
    ...overrides,
  });
  const sessionFields = (overrides: Record<string, string> = {}) => ({
    heldOn: '2017-05-20',
    place: 'Teen room',
    patrons: '14',
    observations: 'Teens crowded in to try it.',
    feedback: '“Can we use it after school?”',
    survey: '',
    ...overrides,
  });

  /** Creates an idea through the form and returns its id. */
  async function createIdea(fields = ideaFields()): Promise<string> {
    const response = await as.staffA.post(`${base}/ideas/new`, fields);
    assert.equal(response.statusCode, 303, response.body.slice(0, 300));
    return String(response.headers.location).split('/').pop()!;
  }

  /** Creates a prototype through the form and returns its id. */
  async function createPrototype(fields = prototypeFields()): Promise<string> {
    const response = await as.staffA.post(`${base}/prototypes/new`, fields);
    assert.equal(response.statusCode, 303, response.body.slice(0, 300));
    return String(response.headers.location).split('/').pop()!;
  }

  describe('overview', () => {
    it('shows empty states, with buttons only for the library’s staff', async () => {
      const staff = await as.staffA.get(base);
      assert.equal(staff.statusCode, 200);
      assert.match(staff.body, /<h1>Ideas and prototypes<\/h1>/);
      assert.match(staff.body, /No ideas yet/);
      assert.match(staff.body, /No prototypes yet/);
      assert.match(staff.body, new RegExp(`href="${base}/ideas/new"`));
      assert.match(staff.body, new RegExp(`href="${base}/prototypes/new"`));
      for (const who of ['coachA', 'admin'] as const) {
        const page = await as[who].get(base);
        assert.equal(page.statusCode, 200, who);
        assert.doesNotMatch(page.body, /ideas\/new|prototypes\/new/, who);
      }
    });

    it('is closed to other libraries’ staff and coaches, and to visitors', async () => {
      assert.equal((await as.staffB.get(base)).statusCode, 403);
      assert.equal((await as.coachB.get(base)).statusCode, 403);
      const visitor = await new TestClient(t.app).get(base);
      assert.equal(visitor.statusCode, 303);
      assert.match(String(visitor.headers.location), /^\/sign-in\?next=/);
    });
  });

  describe('ideas', () => {
    it('adds an idea linked to insights and shows it with links to them', async () => {
      const form = await as.staffA.get(`${base}/ideas/new`);
      assert.equal(form.statusCode, 200);
      assert.match(form.body, /Teens want a place to record music/);
      assert.doesNotMatch(form.body, /More seating near the windows/, 'only the library’s own insights are offered');
      const id = await createIdea(ideaFields({ insights: ['insight-a1', 'insight-a2'] }));
      const page = await as.staffA.get(`${base}/ideas/${id}`);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /The idea “A small recording booth” has been added/);
      assert.match(page.body, /<h1>A small recording booth<\/h1>/);
      assert.match(page.body, /<p>Foam-board walls around a table.<\/p><p>Teens could book it.<\/p>/);
      assert.match(page.body, new RegExp(`<a href="/libraries/${slugA}/discover/insights/insight-a1">Teens want a place to record music</a>`));
      assert.match(page.body, /insight-a2/);
      assert.match(page.body, /id="comments"/);
      const overview = await as.coachA.get(base);
      assert.match(overview.body, new RegExp(`<a href="${base}/ideas/${id}">A small recording booth</a></td><td class="numeric">2</td>`));
    });

    it('lets coaches and admins read an idea but not change it', async () => {
      const id = await createIdea();
      for (const who of ['coachA', 'admin'] as const) {
        const page = await as[who].get(`${base}/ideas/${id}`);
        assert.equal(page.statusCode, 200, who);
        assert.doesNotMatch(page.body, /\/edit"|\/delete"|prototypes\/new/, who);
        assert.equal((await as[who].get(`${base}/ideas/${id}/edit`)).statusCode, 403, who);
        assert.equal((await as[who].post(`${base}/ideas/${id}/edit`, ideaFields())).statusCode, 403, who);
        assert.equal((await as[who].post(`${base}/ideas/${id}/delete`)).statusCode, 403, who);
        assert.equal((await as[who].post(`${base}/ideas/new`, ideaFields())).statusCode, 403, who);
      }
      for (const who of ['staffB', 'coachB'] as const) {
        assert.equal((await as[who].get(`${base}/ideas/${id}`)).statusCode, 403, who);
        assert.equal((await as[who].post(`${base}/ideas/${id}/delete`)).statusCode, 403, who);
      }
      assert.ok(await t.app.services.prototypes.getIdea(libraryAId, id));
    });

    it('names each problem, keeping the input', async () => {
      const cases: Array<[Record<string, string | string[]>, string, RegExp]> = [
        [{ title: '' }, 'title', /Enter the idea/],
        [{ title: 'x'.repeat(161) }, 'title', /160 characters or fewer/],
        [{ description: 'x'.repeat(4001) }, 'description', /4000 characters or fewer/],
        [{ insights: ['insight-b1'] }, 'insights', /Choose insights from the list/],
        [{ insights: ['insight-a1', 'no-such-insight'] }, 'insights', /Choose insights from the list/],
      ];
      const before = (await t.app.services.prototypes.counts(libraryAId)).ideas;
      for (const [overrides, field, message] of cases) {
        const response = await as.staffA.post(`${base}/ideas/new`, ideaFields({ title: 'Kept title', ...overrides }));
        assert.equal(response.statusCode, 400, JSON.stringify(overrides).slice(0, 60));
        assert.match(fieldError(response.body, field) ?? '', message, field);
        assert.match(response.body, /There is a problem/);
        if (overrides.title === undefined) assert.match(response.body, /value="Kept title"/);
      }
      assert.equal((await t.app.services.prototypes.counts(libraryAId)).ideas, before);
    });

    it('edits an idea with its values filled in', async () => {
      const id = await createIdea();
      const form = await as.leadA.get(`${base}/ideas/${id}/edit`);
      assert.equal(form.statusCode, 200);
      assert.match(form.body, /value="A small recording booth"/);
      assert.match(form.body, /value="insight-a1" checked/);
      const bad = await as.leadA.post(`${base}/ideas/${id}/edit`, ideaFields({ title: 'Changed', insights: ['insight-b1'] }));
      assert.equal(bad.statusCode, 400);
      assert.match(bad.body, /value="Changed"/);
      const saved = await as.leadA.post(`${base}/ideas/${id}/edit`, ideaFields({ title: 'A recording booth', insights: ['insight-a2'] }));
      assert.equal(saved.statusCode, 303);
      assert.equal(saved.headers.location, `${base}/ideas/${id}`);
      const idea = await t.app.services.prototypes.getIdea(libraryAId, id);
      assert.equal(idea?.title, 'A recording booth');
      assert.deepEqual(idea?.insightIds, ['insight-a2']);
    });

    it('asks before deleting an idea, and keeps its prototypes', async () => {
      const id = await createIdea(ideaFields({ title: 'Short-lived idea' }));
      const prototypeId = await createPrototype(prototypeFields({ idea: id }));
      const confirm = await as.staffA.get(`${base}/ideas/${id}/delete`);
      assert.equal(confirm.statusCode, 200);
      assert.match(confirm.body, /<h1>Delete the idea “Short-lived idea”\?<\/h1>/);
      assert.match(confirm.body, /class="button button-danger">Delete idea</);
      assert.equal((await as.staffA.post(`${base}/ideas/${id}/delete`, {}, { csrf: false })).statusCode, 403);
      const deleted = await as.staffA.post(`${base}/ideas/${id}/delete`);
      assert.equal(deleted.statusCode, 303);
      assert.equal(deleted.headers.location, base);
      assert.equal((await as.staffA.get(`${base}/ideas/${id}`)).statusCode, 404);
      assert.equal((await t.app.services.prototypes.getPrototype(libraryAId, prototypeId))?.ideaId, null);
    });

    it('answers 404 for another library’s idea on every idea route', async () => {
      const id = foreign.idea;
      for (const url of [`${base}/ideas/${id}`, `${base}/ideas/${id}/edit`, `${base}/ideas/${id}/delete`, `${base}/ideas/no-such-idea`]) {
        assert.equal((await as.staffA.get(url)).statusCode, 404, url);
      }
      assert.equal((await as.staffA.post(`${base}/ideas/${id}/edit`, ideaFields())).statusCode, 404);
      assert.equal((await as.staffA.post(`${base}/ideas/${id}/delete`)).statusCode, 404);
      assert.equal((await t.app.services.prototypes.getIdea(libraryBId, id))?.title, 'B idea');
    });
  });

  describe('prototypes', () => {
    it('adds a prototype from an idea, in dollars, and shows it', async () => {
      const ideaId = await createIdea(ideaFields({ title: 'Media lab' }));
      const form = await as.staffA.get(`${base}/prototypes/new?idea=${ideaId}`);
      assert.equal(form.statusCode, 200);
      assert.match(form.body, new RegExp(`<option value="${ideaId}" selected>Media lab</option>`));
      assert.doesNotMatch(form.body, /B idea/);
      const preselectForeign = await as.staffA.get(`${base}/prototypes/new?idea=${foreign.idea}`);
      assert.doesNotMatch(preselectForeign.body, / selected>/);
      const id = await createPrototype(prototypeFields({ idea: ideaId, cost: '$1,045.50' }));
      const prototype = await t.app.services.prototypes.getPrototype(libraryAId, id);
      assert.equal(prototype?.costCents, 104550);
      const page = await as.coachA.get(`${base}/prototypes/${id}`);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /<h1>Foam-board booth<\/h1>/);
      assert.match(page.body, /\$1,045\.50/);
      assert.match(page.body, new RegExp(`<a href="${base}/ideas/${ideaId}">Media lab</a>`));
      assert.match(page.body, /Not decided yet/);
      assert.match(page.body, /No test sessions yet/);
      assert.doesNotMatch(page.body, /photos\/new|\/edit"|\/decision"/, 'a coach sees no editing links');
      const staff = await as.staffA.get(`${base}/prototypes/${id}`);
      assert.match(staff.body, new RegExp(`href="/libraries/${slugA}/photos/new\\?subject=prototype%3A${id}"`));
      assert.match(staff.body, /Record the decision/);
      const ideaPage = await as.staffA.get(`${base}/ideas/${ideaId}`);
      assert.match(ideaPage.body, new RegExp(`<a href="${base}/prototypes/${id}">Foam-board booth</a> – Not decided yet`));
    });

    it('treats an empty cost as free', async () => {
      const id = await createPrototype(prototypeFields({ cost: '', title: 'Tape on the floor' }));
      assert.equal((await t.app.services.prototypes.getPrototype(libraryAId, id))?.costCents, 0);
    });

    it('refuses negative, malformed and huge costs, other libraries’ ideas and long text, keeping the input', async () => {
      const cases: Array<[Record<string, string>, string, RegExp]> = [
        [{ cost: '-5' }, 'cost', /0 or more, like 45\.50/],
        [{ cost: '12.345' }, 'cost', /0 or more, like 45\.50/],
        [{ cost: 'forty' }, 'cost', /0 or more, like 45\.50/],
        [{ cost: '1000000.01' }, 'cost', /\$1,000,000 or less/],
        [{ idea: foreign.idea }, 'idea', /Choose an idea from the list/],
        [{ title: '' }, 'title', /Enter the name of the prototype/],
        [{ title: 'x'.repeat(161) }, 'title', /160 characters or fewer/],
        [{ materials: 'x'.repeat(2001) }, 'materials', /2000 characters or fewer/],
        [{ description: 'x'.repeat(4001) }, 'description', /4000 characters or fewer/],
      ];
      for (const [overrides, field, message] of cases) {
        const response = await as.staffA.post(`${base}/prototypes/new`, prototypeFields({ title: 'Kept prototype', ...overrides }));
        assert.equal(response.statusCode, 400, JSON.stringify(overrides).slice(0, 60));
        assert.match(fieldError(response.body, field) ?? '', message, JSON.stringify(overrides).slice(0, 60));
        if (overrides.title === undefined) assert.match(response.body, /value="Kept prototype"/);
        if (overrides.cost) assert.match(response.body, new RegExp(`value="${overrides.cost.replace(/[.$]/g, '\\$&')}"`));
      }
      const both = await as.staffA.post(`${base}/prototypes/new`, prototypeFields({ title: '', cost: '5000000' }));
      assert.ok(fieldError(both.body, 'title') && fieldError(both.body, 'cost'), 'every problem is shown at once');
    });

    it('edits a prototype with its values filled in', async () => {
      const id = await createPrototype();
      const form = await as.leadA.get(`${base}/prototypes/${id}/edit`);
      assert.equal(form.statusCode, 200);
      assert.match(form.body, /name="cost" type="text" value="45.50"/);
      assert.equal((await as.leadA.post(`${base}/prototypes/${id}/edit`, prototypeFields({ cost: '-1' }))).statusCode, 400);
      const saved = await as.leadA.post(`${base}/prototypes/${id}/edit`, prototypeFields({ title: 'Booth, second version', cost: '60' }));
      assert.equal(saved.statusCode, 303);
      const prototype = await t.app.services.prototypes.getPrototype(libraryAId, id);
      assert.equal(prototype?.title, 'Booth, second version');
      assert.equal(prototype?.costCents, 6000);
    });

    it('records, changes and takes back a decision, which needs a reason', async () => {
      const id = await createPrototype(prototypeFields({ title: 'Scale furniture' }));
      const url = `${base}/prototypes/${id}/decision`;
      const form = await as.staffA.get(url);
      assert.equal(form.statusCode, 200);
      assert.match(form.body, /value="undecided" checked/);
      const noReason = await as.staffA.post(url, { decision: 'keep', reason: '  ' });
      assert.equal(noReason.statusCode, 400);
      assert.equal(fieldError(noReason.body, 'reason'), 'Give the reason for the decision');
      assert.match(noReason.body, /value="keep" checked/);
      const unknown = await as.staffA.post(url, { decision: 'maybe', reason: 'Why not' });
      assert.equal(unknown.statusCode, 400);
      assert.match(fieldError(unknown.body, 'decision') ?? '', /Choose keep, change, drop/);
      assert.match(unknown.body, />Why not<\/textarea>/);
      const tooLong = await as.staffA.post(url, { decision: 'drop', reason: 'x'.repeat(2001) });
      assert.equal(tooLong.statusCode, 400);
      assert.match(fieldError(tooLong.body, 'reason') ?? '', /2000 characters or fewer/);
      assert.equal((await as.coachA.post(url, { decision: 'keep', reason: 'Coach says so' })).statusCode, 403);
      assert.equal((await as.admin.post(url, { decision: 'keep', reason: 'Admin says so' })).statusCode, 403);

      const decided = await as.staffA.post(url, { decision: 'change', reason: 'Families wanted lower tables.' });
      assert.equal(decided.statusCode, 303);
      assert.equal(decided.headers.location, `${base}/prototypes/${id}`);
      const page = await as.coachA.get(`${base}/prototypes/${id}`);
      assert.match(page.body, /<strong>Change<\/strong>/);
      assert.match(page.body, /Families wanted lower tables\./);
      assert.match(page.body, new RegExp(`Decided by ${names.staffA} on`));
      assert.match((await as.staffA.get(base)).body, /Scale furniture<\/a><\/td><td class="numeric">[^<]+<\/td><td class="numeric">0<\/td><td>Change<\/td>/);
      assert.match((await as.staffA.get(url)).body, /value="change" checked/);

      assert.equal((await as.leadA.post(url, { decision: 'undecided', reason: '' })).statusCode, 303);
      const undecided = await t.app.services.prototypes.getPrototype(libraryAId, id);
      assert.deepEqual([undecided?.decision, undecided?.reason, undecided?.decidedBy], [null, '', null]);
    });

    it('asks before deleting a prototype, then deletes it with its sessions', async () => {
      const id = await createPrototype(prototypeFields({ title: 'Pop-up table' }));
      await as.staffA.post(`${base}/prototypes/${id}/sessions/new`, sessionFields());
      const confirm = await as.staffA.get(`${base}/prototypes/${id}/delete`);
      assert.equal(confirm.statusCode, 200);
      assert.match(confirm.body, /<h1>Delete the prototype “Pop-up table”\?<\/h1>/);
      assert.equal((await as.coachA.post(`${base}/prototypes/${id}/delete`)).statusCode, 403);
      const deleted = await as.staffA.post(`${base}/prototypes/${id}/delete`);
      assert.equal(deleted.statusCode, 303);
      assert.equal(deleted.headers.location, base);
      assert.match((await as.staffA.get(base)).body, /The prototype “Pop-up table” has been deleted/);
      assert.equal((await as.staffA.get(`${base}/prototypes/${id}`)).statusCode, 404);
    });

    it('answers 404 for another library’s prototype on every prototype route', async () => {
      const id = foreign.prototype;
      const urls = ['', '/edit', '/delete', '/decision', '/sessions/new'].map((suffix) => `${base}/prototypes/${id}${suffix}`);
      for (const url of urls) assert.equal((await as.staffA.get(url)).statusCode, 404, url);
      for (const url of urls.slice(1)) assert.equal((await as.staffA.post(url, prototypeFields())).statusCode, 404, url);
      assert.equal((await t.app.services.prototypes.getPrototype(libraryBId, id))?.title, 'B prototype');
    });
  });

  describe('test sessions', () => {
    it('adds sessions, lists them newest first and links the survey’s results', async () => {
      const id = await createPrototype(prototypeFields({ title: 'Recording booth mock-up' }));
      const url = `${base}/prototypes/${id}/sessions/new`;
      const form = await as.staffA.get(url);
      assert.equal(form.statusCode, 200);
      assert.match(form.body, /<option value="survey-a">Survey survey-a<\/option>/);
      assert.doesNotMatch(form.body, /survey-b/);
      assert.equal((await as.staffA.post(url, sessionFields({ heldOn: '2017-03-02', place: 'Community room' }))).statusCode, 303);
      const added = await as.staffA.post(url, sessionFields({ survey: 'survey-a' }));
      assert.equal(added.statusCode, 303);
      assert.equal(added.headers.location, `${base}/prototypes/${id}#sessions`);
      assert.match((await as.staffA.get(`${base}/prototypes/${id}`)).body, /The test session of May 20, 2017 has been added/);
      const page = await as.coachA.get(`${base}/prototypes/${id}`);
      assertInOrder(page.body, ['May 20, 2017, Teen room', 'Mar 2, 2017, Community room'], 'newest first');
      assert.match(page.body, new RegExp(`<a href="/libraries/${slugA}/surveys/survey-a/results">Results of Survey survey-a</a>`));
      assert.match(page.body, /“Can we use it after school\?”/);
      assert.doesNotMatch(page.body, /sessions\/[^"]+\/edit/, 'a coach sees no editing links');
      assert.equal((await t.app.services.prototypes.counts(libraryAId)).tested >= 1, true);
    });

    it('refuses invalid dates, counts and surveys, keeping the input', async () => {
      const id = await createPrototype();
      const url = `${base}/prototypes/${id}/sessions/new`;
      const cases: Array<[Record<string, string>, string, RegExp]> = [
        [{ heldOn: '2017-02-30' }, 'heldOn', /Enter a real date/],
        [{ heldOn: '20/05/2017' }, 'heldOn', /Enter a real date/],
        [{ heldOn: '' }, 'heldOn', /Enter a real date/],
        [{ patrons: '-1' }, 'patrons', /whole number/],
        [{ patrons: '2.5' }, 'patrons', /whole number/],
        [{ place: '' }, 'place', /Enter where the session took place/],
        [{ place: 'x'.repeat(201) }, 'place', /200 characters or fewer/],
        [{ observations: 'x'.repeat(4001) }, 'observations', /4000 characters or fewer/],
        [{ feedback: 'x'.repeat(4001) }, 'feedback', /4000 characters or fewer/],
        [{ survey: 'survey-b' }, 'survey', /Choose a survey from the list/],
      ];
      for (const [overrides, field, message] of cases) {
        const response = await as.staffA.post(url, sessionFields({ place: 'Kept place', ...overrides }));
        assert.equal(response.statusCode, 400, JSON.stringify(overrides).slice(0, 60));
        assert.match(fieldError(response.body, field) ?? '', message, JSON.stringify(overrides).slice(0, 60));
        if (overrides.place === undefined) assert.match(response.body, /value="Kept place"/);
      }
      assert.equal((await t.app.services.prototypes.listSessions(libraryAId, id, 1)).total, 0);
    });

    it('edits and, after asking, deletes a session', async () => {
      const id = await createPrototype();
      await as.staffA.post(`${base}/prototypes/${id}/sessions/new`, sessionFields());
      const [session] = (await t.app.services.prototypes.listSessions(libraryAId, id, 1)).items;
      const sessionUrl = `${base}/prototypes/${id}/sessions/${session!.id}`;
      const form = await as.leadA.get(`${sessionUrl}/edit`);
      assert.equal(form.statusCode, 200);
      assert.match(form.body, /name="heldOn" type="date" value="2017-05-20"/);
      assert.equal((await as.leadA.post(`${sessionUrl}/edit`, sessionFields({ heldOn: '2017-13-01' }))).statusCode, 400);
      const saved = await as.leadA.post(`${sessionUrl}/edit`, sessionFields({ patrons: '20', survey: 'survey-a' }));
      assert.equal(saved.statusCode, 303);
      const changed = await t.app.services.prototypes.getSession(libraryAId, id, session!.id);
      assert.deepEqual([changed?.patrons, changed?.surveyId], [20, 'survey-a']);
      assert.equal((await as.coachA.get(`${sessionUrl}/edit`)).statusCode, 403);
      assert.equal((await as.coachA.post(`${sessionUrl}/delete`)).statusCode, 403);

      const confirm = await as.staffA.get(`${sessionUrl}/delete`);
      assert.equal(confirm.statusCode, 200);
      assert.match(confirm.body, /<h1>Delete the test session of May 20, 2017\?<\/h1>/);
      const deleted = await as.staffA.post(`${sessionUrl}/delete`);
      assert.equal(deleted.statusCode, 303);
      assert.equal(await t.app.services.prototypes.getSession(libraryAId, id, session!.id), undefined);
      assert.equal((await as.staffA.get(`${sessionUrl}/edit`)).statusCode, 404);
    });

    it('answers 404 for a session of another prototype or library', async () => {
      const first = await createPrototype();
      const second = await createPrototype();
      await as.staffA.post(`${base}/prototypes/${first}/sessions/new`, sessionFields());
      const [session] = (await t.app.services.prototypes.listSessions(libraryAId, first, 1)).items;
      const urls = [
        `${base}/prototypes/${second}/sessions/${session!.id}`,
        `${base}/prototypes/${first}/sessions/${foreign.session}`,
        `${base}/prototypes/${foreign.prototype}/sessions/${foreign.session}`,
        `/libraries/${slugB}/ideate/prototypes/${foreign.prototype}/sessions/${foreign.session}`,
      ];
      for (const url of urls.slice(0, 3)) {
        assert.equal((await as.staffA.get(`${url}/edit`)).statusCode, 404, url);
        assert.equal((await as.staffA.post(`${url}/edit`, sessionFields())).statusCode, 404, url);
        assert.equal((await as.staffA.get(`${url}/delete`)).statusCode, 404, url);
        assert.equal((await as.staffA.post(`${url}/delete`)).statusCode, 404, url);
      }
      assert.equal((await as.staffA.post(`${urls[3]}/delete`)).statusCode, 403, 'another library’s address is closed');
      assert.ok(await t.app.services.prototypes.getSession(libraryBId, foreign.prototype, foreign.session));
      assert.ok(await t.app.services.prototypes.getSession(libraryAId, first, session!.id));
    });
  });
});
