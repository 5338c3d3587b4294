import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { createTestApp, type TestApp } from '../../../tests/support/app';
import { TestClient } from '../../../tests/support/client';
import { makeLibrary, makePerson } from '../../../tests/support/factories';
import { newId, nowIso } from '../../db/ids';
import type { AnswerValue, QuestionType, ResponseChannel, SurveyOption, SurveyStatus } from './model';
import { PRIVACY_THRESHOLD } from './results';
import { assertInOrder } from '../../../tests/support/order';

/*
 * Survey results read from rows inserted directly, so these tests do not
 * depend on the survey builder. The library's time zone is America/Chicago.
 */

interface QuestionSpec {
  key: string;
  type: QuestionType;
  en: string;
  es: string;
  options?: SurveyOption[];
  dots?: number;
}

interface ResponseSpec {
  at: string;
  channel?: ResponseChannel;
  locale?: 'en' | 'es';
  answers: Record<string, AnswerValue>;
}

/** Inserts a survey with its questions; answers name questions by `key`. Returns the ids. */
async function insertSurvey(
  app: FastifyInstance,
  libraryId: string,
  survey: { code: string; title: string; status?: SurveyStatus; questions: QuestionSpec[] },
) {
  const db = app.database.db;
  const id = newId();
  const now = nowIso();
  await db
    .insertInto('surveys')
    .values({
      id,
      library_id: libraryId,
      code: survey.code,
      title_en: survey.title,
      title_es: `${survey.title} (es)`,
      intro_en: '',
      intro_es: '',
      status: survey.status ?? 'open',
      closes_on: null,
      opened_at: survey.status === 'draft' ? null : now,
      closed_at: null,
      created_by: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  const questionIds: Record<string, string> = {};
  for (const [index, q] of survey.questions.entries()) {
    questionIds[q.key] = newId();
    await db
      .insertInto('survey_questions')
      .values({
        id: questionIds[q.key]!,
        survey_id: id,
        position: index + 1,
        type: q.type,
        prompt_en: q.en,
        prompt_es: q.es,
        required: 0,
        dots: q.dots ?? null,
        options: JSON.stringify(q.options ?? []),
      })
      .execute();
  }
  return { id, questionIds };
}

/** Inserts responses to a survey; returns their ids in the order given. */
async function insertResponses(app: FastifyInstance, survey: { id: string; questionIds: Record<string, string> }, responses: ResponseSpec[]) {
  const ids = responses.map(() => newId());
  await app.database.db
    .insertInto('survey_responses')
    .values(
      responses.map((r, index) => ({
        id: ids[index]!,
        survey_id: survey.id,
        token: newId(),
        channel: r.channel ?? 'web',
        locale: r.locale ?? 'en',
        answers: JSON.stringify(Object.fromEntries(Object.entries(r.answers).map(([key, value]) => [survey.questionIds[key]!, value]))),
        submitted_at: r.at,
        entered_by: null,
      })),
    )
    .execute();
  return ids;
}

const option = (id: string, en: string, es: string): SurveyOption => ({ id, en, es });

const MAKERSPACE_QUESTIONS: QuestionSpec[] = [
  {
    key: 'space',
    type: 'single',
    en: 'Which space do you use most?',
    es: '¿Qué espacio usa más?',
    options: [option('o1', 'Makerspace', 'Taller'), option('o2', 'Quiet reading', 'Lectura tranquila'), option('o3', 'Computers', 'Computadoras')],
  },
  {
    key: 'activities',
    type: 'multiple',
    en: 'What would you like to do here?',
    es: '¿Qué le gustaría hacer aquí?',
    options: [option('m1', '3D printing', 'Impresión 3D'), option('m2', 'Sewing', 'Costura'), option('m3', 'Robotics', 'Robótica')],
  },
  { key: 'welcome', type: 'scale', en: 'How welcome do you feel?', es: '¿Qué tan bienvenido se siente?' },
  {
    key: 'budget',
    type: 'dots',
    en: 'Where should the money go?',
    es: '¿En qué gastar el dinero?',
    dots: 5,
    options: [option('d1', 'Tools', 'Herramientas'), option('d2', 'Seating', 'Asientos'), option('d3', 'Lighting', 'Iluminación')],
  },
  { key: 'ideas', type: 'long', en: 'What else should we know?', es: '¿Qué más debemos saber?' },
  { key: 'volunteer', type: 'single', en: 'Would you volunteer?', es: '¿Sería voluntario?', options: [option('y', 'Yes', 'Sí'), option('n', 'No', 'No')] },
  { key: 'return', type: 'single', en: 'Will you come back?', es: '¿Volverá?', options: [option('y', 'Yes', 'Sí'), option('n', 'No', 'No')] },
];

const HOSTILE = '=HYPERLINK("http://evil.example","click")';

/**
 * Eight responses with known figures:
 * space 8 answered (Makerspace 4, Quiet reading 2, Computers 2);
 * activities 5 (3D printing 3, Sewing 2, Robotics 2);
 * welcome 6 (2:1, 3:1, 4:2, 5:2; average 23 / 6 = 3.83);
 * budget 4 voters, 16 dots (Tools 8, Seating 6, Lighting 2);
 * ideas 6 texts; volunteer 4 answered; return 5 answered.
 */
const MAKERSPACE_RESPONSES: ResponseSpec[] = [
  {
    at: '2017-03-01T15:00:00.000Z',
    answers: { space: 'o1', activities: ['m1', 'm2'], welcome: 5, budget: { d1: 3, d2: 2 }, ideas: 'Need more outlets', volunteer: 'y', return: 'y' },
  },
  {
    at: '2017-03-02T15:00:00.000Z',
    locale: 'es',
    answers: { space: 'o1', activities: ['m1'], welcome: 4, budget: { d1: 5 }, ideas: 'Más mesas, por favor', volunteer: 'n', return: 'y' },
  },
  {
    at: '2017-03-03T15:00:00.000Z',
    channel: 'paper',
    answers: { space: 'o2', activities: ['m3'], welcome: 4, budget: { d3: 1 }, ideas: HOSTILE, volunteer: 'y', return: 'n' },
  },
  {
    at: '2017-03-10T15:00:00.000Z',
    answers: { space: 'o1', activities: ['m1', 'm3'], welcome: 3, budget: { d2: 4, d3: 1 }, ideas: '+1 for robotics', volunteer: 'y', return: 'y' },
  },
  { at: '2017-03-15T15:00:00.000Z', channel: 'paper', locale: 'es', answers: { space: 'o3', welcome: 2, ideas: '-2 chairs', return: 'y' } },
  { at: '2017-04-01T15:00:00.000Z', answers: { space: 'o2', activities: ['m2'], welcome: 5, ideas: '@SUM(A1:A9)' } },
  // A retired option and an out-of-range point count as not answered.
  { at: '2017-04-02T15:00:00.000Z', answers: { space: 'o1', activities: ['gone'], welcome: 9 } },
  // 04:00 UTC on 3 April is still 2 April in Chicago.
  { at: '2017-04-03T04:00:00.000Z', channel: 'paper', answers: { space: 'o3' } },
];

/** The text of the section of the page about one question, up to the next question. */
function sectionOf(html: string, prompt: string): string {
  const start = html.indexOf(prompt);
  assert.ok(start >= 0, `no section for ${prompt}`);
  const end = html.indexOf('<section', start);
  return html.slice(start, end < 0 ? undefined : end);
}

/** The error message shown next to a field, or undefined. */
function fieldError(html: string, field: string): string | undefined {
  return new RegExp(`id="field-${field}-error">([^<]*)<`).exec(html)?.[1];
}

describe('survey results', () => {
  let t: TestApp;
  let app: FastifyInstance;
  let slugA: string;
  let slugB: string;
  let makerspace: { id: string; questionIds: Record<string, string> };
  let wishTree: { id: string; questionIds: Record<string, string> };
  let draft: { id: string; questionIds: Record<string, string> };
  let surveyOfB: { id: string; questionIds: Record<string, string> };
  let libraryAId: string;
  const clients = {} as Record<'staffA' | 'coachA' | 'admin' | 'staffB' | 'coachB' | 'coachAes', TestClient>;

  before(async () => {
    t = await createTestApp();
    app = t.app;
    const libraryA = await makeLibrary(app, { name: 'Glenns Ferry Public Library' });
    const libraryB = await makeLibrary(app, { name: 'Madison Library' });
    libraryAId = libraryA.id;
    slugA = libraryA.slug;
    slugB = libraryB.slug;
    const people = {
      staffA: await makePerson(app, { role: 'staff', libraryId: libraryA.id, libraryRole: 'member' }),
      coachA: await makePerson(app, { role: 'coach', coachedLibraryIds: [libraryA.id] }),
      admin: await makePerson(app, { role: 'admin' }),
      staffB: await makePerson(app, { role: 'staff', libraryId: libraryB.id, libraryRole: 'lead' }),
      coachB: await makePerson(app, { role: 'coach', coachedLibraryIds: [libraryB.id] }),
      coachAes: await makePerson(app, { role: 'coach', coachedLibraryIds: [libraryA.id] }),
    };
    await app.services.accounts.updateProfile(people.coachAes.id, { name: 'Entrenadora', locale: 'es', timeZone: 'America/Chicago' });
    for (const [role, person] of Object.entries(people)) {
      const client = new TestClient(app);
      const { token } = await app.services.accounts.createSession(person.id, { userAgent: 'test', ipAddress: '127.0.0.1' });
      client.setCookie('ss_session', token);
      clients[role as keyof typeof clients] = client;
    }

    makerspace = await insertSurvey(app, libraryA.id, { code: 'maker17', title: 'Makerspace survey', questions: MAKERSPACE_QUESTIONS });
    await insertResponses(app, makerspace, MAKERSPACE_RESPONSES);

    wishTree = await insertSurvey(app, libraryA.id, {
      code: 'wish17',
      title: 'Wish Tree',
      status: 'closed',
      questions: [{ key: 'wish', type: 'short', en: 'What do you wish for?', es: '¿Qué desea?' }],
    });
    await insertResponses(
      app,
      wishTree,
      Array.from({ length: 30 }, (_, i) => ({ at: new Date(Date.UTC(2017, 5, 1, 12, i)).toISOString(), answers: { wish: `Wish number ${i + 1}` } })),
    );

    draft = await insertSurvey(app, libraryA.id, { code: 'draft17', title: 'Draft survey', status: 'draft', questions: MAKERSPACE_QUESTIONS.slice(0, 1) });
    surveyOfB = await insertSurvey(app, libraryB.id, { code: 'madison', title: 'Madison survey', questions: MAKERSPACE_QUESTIONS.slice(4, 5) });
    await insertResponses(app, surveyOfB, [{ at: '2017-05-01T12:00:00.000Z', answers: { ideas: 'A secret of Madison' } }]);
  });
  after(() => t.close());

  const resultsUrl = (survey: { id: string }, query = '') => `/libraries/${slugA}/surveys/${survey.id}/results${query}`;

  it('shows exact counts, percentages, averages and dot totals to the team', async () => {
    const page = await clients.staffA.get(resultsUrl(makerspace));
    assert.equal(page.statusCode, 200);
    const html = page.body;
    assert.match(html, /<h1>Results: Makerspace survey<\/h1>/);
    assert.match(html, new RegExp(`href="/libraries/${slugA}/surveys/${makerspace.id}"`), 'links back to the survey');
    assert.match(html, /<dt>Status<\/dt><dd>Open<\/dd>/);
    assert.match(html, /<dt>Responses on the web<\/dt><dd>5<\/dd>/);
    assert.match(html, /<dt>Responses on paper<\/dt><dd>3<\/dd>/);
    assert.match(html, /8 responses match this filter\./);

    const space = sectionOf(html, 'Which space do you use most?');
    assert.match(space, /8 people answered this question\./);
    assert.match(space, /<td>Makerspace<\/td><td class="numeric">4<\/td><td class="numeric">50%<\/td>/);
    assert.match(space, /<td>Quiet reading<\/td><td class="numeric">2<\/td><td class="numeric">25%<\/td>/);
    assert.match(space, /<td>Computers<\/td><td class="numeric">2<\/td><td class="numeric">25%<\/td>/);
    assert.match(space, /<caption>Answers to “Which space do you use most\?”<\/caption>/);
    assert.match(space, /<th scope="col"/);
    // The chart: hidden from screen readers (the table carries the data), a half-length bar for 4 of 8.
    assert.match(space, /<svg class="bar-chart" viewBox="0 0 400 138" width="100%"[^>]*aria-hidden="true"/);
    assert.match(space, /<rect class="bar-chart-bar" x="0" y="22" width="152" height="16"/);
    assert.match(space, /<text class="bar-chart-label" x="0" y="16">Makerspace<\/text>/);
    assert.doesNotMatch(space, /style=/);

    const activities = sectionOf(html, 'What would you like to do here?');
    assert.match(activities, /5 people answered this question\./);
    assert.match(activities, /People could pick more than one option/);
    assert.match(activities, /<td>3D printing<\/td><td class="numeric">3<\/td><td class="numeric">60%<\/td>/);
    assert.match(activities, /<td>Sewing<\/td><td class="numeric">2<\/td><td class="numeric">40%<\/td>/);
    assert.match(activities, /<td>Robotics<\/td><td class="numeric">2<\/td><td class="numeric">40%<\/td>/);

    const welcome = sectionOf(html, 'How welcome do you feel?');
    assert.match(welcome, /6 people answered this question\./);
    assert.match(welcome, /Average: 3\.8 out of 5\./);
    assert.match(welcome, /<td>1 of 5<\/td><td class="numeric">0<\/td><td class="numeric">0%<\/td>/);
    assert.match(welcome, /<td>2 of 5<\/td><td class="numeric">1<\/td><td class="numeric">17%<\/td>/);
    assert.match(welcome, /<td>4 of 5<\/td><td class="numeric">2<\/td><td class="numeric">33%<\/td>/);

    const budget = sectionOf(html, 'Where should the money go?');
    assert.match(budget, /4 people voted, placing 16 dots in all\./);
    assert.match(budget, /<td>Tools<\/td><td class="numeric">8<\/td><td class="numeric">50%<\/td>/);
    assert.match(budget, /<td>Seating<\/td><td class="numeric">6<\/td><td class="numeric">38%<\/td>/);
    assert.match(budget, /<td>Lighting<\/td><td class="numeric">2<\/td><td class="numeric">13%<\/td>/);

    const ideas = sectionOf(html, 'What else should we know?');
    assert.match(ideas, /6 people answered this question\./);
    assertInOrder(ideas, ['@SUM(A1:A9)', 'Need more outlets'], 'newest answers first');
    assert.ok(ideas.includes('=HYPERLINK(&quot;http://evil.example&quot;,&quot;click&quot;)'), 'the answer is shown as escaped text');
    assert.ok(!ideas.includes('=HYPERLINK("'), 'never as raw markup');
    assert.match(ideas, new RegExp(`href="/libraries/${slugA}/surveys/${makerspace.id}/results/questions/${makerspace.questionIds.ideas}"`));

    // The team sees even the question only four people answered.
    assert.match(sectionOf(html, 'Would you volunteer?'), /4 people answered this question\./);
    assert.doesNotMatch(html, /hidden to protect/);
    assert.match(html, new RegExp(`href="/libraries/${slugA}/surveys/${makerspace.id}/results.csv"`), 'the team may download the CSV');
    assert.equal((html.match(/<h1[ >]/g) ?? []).length, 1);
  });

  it('filters by channel and by days in the library’s time zone', async () => {
    const paper = await clients.staffA.get(resultsUrl(makerspace, '?channel=paper'));
    assert.equal(paper.statusCode, 200);
    assert.match(paper.body, /3 responses match this filter\./);
    assert.match(sectionOf(paper.body, 'Which space do you use most?'), /<td>Computers<\/td><td class="numeric">2<\/td><td class="numeric">67%<\/td>/);
    assert.match(paper.body, /<option value="paper" selected>/);

    const april = await clients.staffA.get(resultsUrl(makerspace, '?from=2017-04-01&to=2017-04-02'));
    assert.equal(april.statusCode, 200);
    assert.match(april.body, /3 responses match this filter\./, 'the late evening of 2 April in Chicago is included');
    assert.match(april.body, /value="2017-04-01"/);
    assert.match(april.body, /href="[^"]*results\.csv\?from=2017-04-01&amp;to=2017-04-02"/);

    const earlyWeb = await clients.staffA.get(resultsUrl(makerspace, '?from=2017-03-01&to=2017-03-03&channel=web'));
    assert.match(earlyWeb.body, /2 responses match this filter\./);
    const single = await clients.staffA.get(resultsUrl(makerspace, '?from=2017-03-03&to=2017-03-03'));
    assert.match(single.body, /1 response matches this filter\./);
    const none = await clients.staffA.get(resultsUrl(makerspace, '?from=2018-01-01&channel=all'));
    assert.equal(none.statusCode, 200);
    assert.match(none.body, /No responses match this filter yet\./);
  });

  it('answers 400 with the messages on the filter form and the input kept', async () => {
    const badDate = await clients.staffA.get(resultsUrl(makerspace, '?from=2017-02-30&to=yesterday'));
    assert.equal(badDate.statusCode, 400);
    assert.equal(fieldError(badDate.body, 'from'), 'Enter the first day as a real date, like 2017-03-15');
    assert.equal(fieldError(badDate.body, 'to'), 'Enter the last day as a real date, like 2017-03-31');
    assert.match(badDate.body, /class="error-summary"/);
    assert.match(badDate.body, /value="2017-02-30"/);
    assert.match(badDate.body, /value="yesterday"/);
    assert.doesNotMatch(badDate.body, /Which space do you use most\?/, 'no figures for a broken filter');

    const reversed = await clients.staffA.get(resultsUrl(makerspace, '?from=2017-04-02&to=2017-04-01&channel=web'));
    assert.equal(reversed.statusCode, 400);
    assert.equal(fieldError(reversed.body, 'to'), 'The last day must be the same as or after the first day');
    assert.match(reversed.body, /value="2017-04-02"/);
    assert.match(reversed.body, /<option value="web" selected>/);

    const channel = await clients.staffA.get(resultsUrl(makerspace, '?channel=fax'));
    assert.equal(channel.statusCode, 400);
    assert.equal(fieldError(channel.body, 'channel'), 'Choose web, paper or both');

    const huge = await clients.staffA.get(resultsUrl(makerspace, `?from=${'9'.repeat(5000)}`));
    assert.equal(huge.statusCode, 400);

    const csv = await clients.staffA.get(resultsUrl(makerspace, '.csv?from=2017-13-01'));
    assert.equal(csv.statusCode, 400);
    const text = await clients.staffA.get(resultsUrl(makerspace, `/questions/${makerspace.questionIds.ideas}?to=nope`));
    assert.equal(text.statusCode, 400);
    assert.match(text.body, /value="nope"/);
  });

  it('hides questions under the threshold from coaches and admins, and shows them at the threshold', async () => {
    assert.equal(PRIVACY_THRESHOLD, 5);
    for (const reader of [clients.coachA, clients.admin]) {
      const page = await reader.get(resultsUrl(makerspace));
      assert.equal(page.statusCode, 200);
      const html = page.body;
      assert.match(sectionOf(html, 'Would you volunteer?'), /Fewer than 5 answers: hidden to protect patrons’ privacy\./);
      assert.doesNotMatch(sectionOf(html, 'Would you volunteer?'), /<table|<svg/);
      assert.match(sectionOf(html, 'Where should the money go?'), /Fewer than 5 answers/, 'four voters stay hidden');
      assert.match(sectionOf(html, 'Will you come back?'), /5 people answered this question\./);
      assert.match(sectionOf(html, 'Will you come back?'), /<td>Yes<\/td><td class="numeric">4<\/td><td class="numeric">80%<\/td>/);
      assert.match(sectionOf(html, 'Which space do you use most?'), /<td>Makerspace<\/td>/);
      assert.doesNotMatch(html, /results\.csv/, 'no CSV link outside the team');
    }
    // Outside the team a filter is not applied (paper brought only three answers to each
    // question): comparing overlapping groups could otherwise single out a few patrons.
    const paper = await clients.coachA.get(resultsUrl(makerspace, '?channel=paper'));
    assert.equal(paper.statusCode, 200);
    assert.match(sectionOf(paper.body, 'Will you come back?'), /5 people answered this question\./);
    assert.match(paper.body, /Only the library.s team can filter them/);
    assert.doesNotMatch(paper.body, /name="channel"/);
    const staffPaper = await clients.staffA.get(resultsUrl(makerspace, '?channel=paper'));
    assert.match(staffPaper.body, /name="channel"/);
    assert.match(sectionOf(staffPaper.body, 'Will you come back?'), /2 people answered this question\./);
  });

  it('shows the page in the reader’s language', async () => {
    const page = await clients.coachAes.get(resultsUrl(makerspace));
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<h1>Resultados: Makerspace survey \(es\)<\/h1>/);
    assert.match(page.body, /¿Qué espacio usa más\?/);
    assert.match(page.body, /<td>Taller<\/td><td class="numeric">4<\/td><td class="numeric">50%<\/td>/);
    assert.match(page.body, /Menos de 5 respuestas/);
  });

  it('lists every free-text answer, newest first, 25 a page', async () => {
    const results = await clients.staffA.get(resultsUrl(wishTree));
    assert.equal(results.statusCode, 200);
    assert.match(results.body, /<dt>Status<\/dt><dd>Closed<\/dd>/);
    assert.equal((results.body.match(/Wish number \d+</g) ?? []).length, 20, 'twenty shown on the results page');
    assert.match(results.body, /All 30 answers to this question/);

    const url = resultsUrl(wishTree, `/questions/${wishTree.questionIds.wish}`);
    const first = await clients.coachA.get(url);
    assert.equal(first.statusCode, 200);
    assert.match(first.body, /<h1>Answers: What do you wish for\?<\/h1>/);
    assert.equal((first.body.match(/Wish number \d+</g) ?? []).length, 25);
    assertInOrder(first.body, ['Wish number 30<', 'Wish number 29<'], 'newest first');
    assert.match(first.body, /href="[^"]*\?page=2" rel="next"/);
    const second = await clients.coachA.get(`${url}?page=2`);
    assert.deepEqual(second.body.match(/Wish number \d+</g), ['Wish number 5<', 'Wish number 4<', 'Wish number 3<', 'Wish number 2<', 'Wish number 1<']);
    assert.match(second.body, /<ol class="text-answers" start="26">/);

    const filtered = await clients.staffA.get(`${url}?from=2018-01-01`);
    assert.equal(filtered.statusCode, 200);
    assert.match(filtered.body, /No answers match this filter\./);

    // Outside the team the paper filter is not applied: all six answers show, none singled out.
    const few = await clients.coachA.get(resultsUrl(makerspace, `/questions/${makerspace.questionIds.ideas}?channel=paper`));
    assert.equal(few.statusCode, 200);
    assert.match(few.body, /6 people answered this question\./);
    assert.match(few.body, /Only the library.s team can filter them/);
  });

  it('exports the filtered responses as CSV safe to open in a spreadsheet', async () => {
    const response = await clients.staffA.get(resultsUrl(makerspace, '.csv'));
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers['content-type'], 'text/csv; charset=utf-8');
    assert.equal(response.headers['content-disposition'], 'attachment; filename="maker17-responses.csv"');
    assert.deepEqual([...response.rawPayload.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'starts with a UTF-8 byte order mark');
    const lines = response.body.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    assert.equal(lines.length, 1 + MAKERSPACE_RESPONSES.length);
    assert.equal(
      lines[0],
      'Response id,Submitted at,Channel,Language,Which space do you use most?,What would you like to do here?,How welcome do you feel?,Where should the money go?,What else should we know?,Would you volunteer?,Will you come back?',
    );
    const body = lines.join('\n');
    assert.match(body, /,2017-03-01T15:00:00\.000Z,web,en,Makerspace,3D printing; Sewing,5,Tools: 3; Seating: 2,Need more outlets,Yes,Yes$/m);
    assert.match(body, /,2017-03-02T15:00:00\.000Z,web,es,Makerspace,3D printing,4,Tools: 5,"Más mesas, por favor",No,Yes$/m, 'accents intact');
    assert.match(body, /,paper,en,Quiet reading,Robotics,4,Lighting: 1,"'=HYPERLINK\(""http:\/\/evil\.example"",""click""\)",Yes,No$/m);
    assert.match(body, /,'\+1 for robotics,/);
    assert.match(body, /,'-2 chairs,/);
    assert.match(body, /,'@SUM\(A1:A9\),/);
    assert.match(body, /,2017-04-02T15:00:00\.000Z,web,en,Makerspace,,,,,,$/m, 'answers that fit no question are left empty');
    assert.ok(lines[1]!.includes('2017-04-03T04:00:00.000Z'), 'newest first');

    const paper = await clients.staffA.get(resultsUrl(makerspace, '.csv?channel=paper&from=2017-03-01&to=2017-03-31'));
    assert.equal(paper.body.trimEnd().split('\r\n').length, 1 + 2);
  });

  it('keeps the CSV with the team', async () => {
    for (const reader of [clients.coachA, clients.admin, clients.staffB, clients.coachB]) {
      assert.equal((await reader.get(resultsUrl(makerspace, '.csv'))).statusCode, 403);
    }
  });

  it('refuses other libraries’ readers and forged ids', async () => {
    assert.equal((await clients.staffB.get(resultsUrl(makerspace))).statusCode, 403);
    assert.equal((await clients.coachB.get(resultsUrl(makerspace))).statusCode, 403);
    // A survey of library B through library A's address.
    for (const suffix of ['', '.csv', `/questions/${surveyOfB.questionIds.ideas}`]) {
      const response = await clients.staffA.get(resultsUrl(surveyOfB, suffix));
      assert.equal(response.statusCode, 404, suffix);
      assert.doesNotMatch(response.body, /secret of Madison/);
    }
    // Through its own library's address, its staff see it.
    assert.equal((await clients.staffB.get(`/libraries/${slugB}/surveys/${surveyOfB.id}/results`)).statusCode, 200);
    // A question of another survey, a choice question and an unknown id.
    for (const question of [wishTree.questionIds.wish, makerspace.questionIds.space, 'no-such-question']) {
      assert.equal((await clients.staffA.get(resultsUrl(makerspace, `/questions/${question}`))).statusCode, 404);
    }
    assert.equal((await clients.staffA.get(resultsUrl({ id: 'no-such-survey' }))).statusCode, 404);
  });

  it('answers for a draft survey with no responses', async () => {
    for (const reader of [clients.staffA, clients.coachA]) {
      const page = await reader.get(resultsUrl(draft));
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /<dt>Status<\/dt><dd>Draft<\/dd>/);
      assert.match(page.body, /No responses match this filter yet\./);
    }
    const csv = await clients.staffA.get(resultsUrl(draft, '.csv'));
    assert.equal(csv.statusCode, 200);
    assert.equal(csv.body, '\uFEFFResponse id,Submitted at,Channel,Language,Which space do you use most?\r\n');
  });

  it('sums up highlights for the story, respecting the threshold', async () => {
    await insertResponses(app, draft, [{ at: '2017-01-01T12:00:00.000Z', answers: { space: 'o1' } }]);
    const highlights = await app.services.surveyResults.highlights(libraryAId, 'en');
    assert.deepEqual(
      highlights.map((h) => [h.title, h.responses]),
      [
        ['Makerspace survey', 8],
        ['Wish Tree', 30],
      ],
      'drafts are skipped',
    );
    const [maker, wish] = highlights;
    assert.deepEqual(wish!.questions, [], 'free text is never quoted');
    assert.deepEqual(maker!.questions, [
      {
        prompt: 'Which space do you use most?',
        responses: 8,
        top: [
          { label: 'Makerspace', percent: 50 },
          { label: 'Quiet reading', percent: 25 },
          { label: 'Computers', percent: 25 },
        ],
      },
      {
        prompt: 'What would you like to do here?',
        responses: 5,
        top: [
          { label: '3D printing', percent: 60 },
          { label: 'Sewing', percent: 40 },
          { label: 'Robotics', percent: 40 },
        ],
      },
      {
        prompt: 'How welcome do you feel?',
        responses: 6,
        top: [
          { label: '4 of 5', percent: 33 },
          { label: '5 of 5', percent: 33 },
          { label: '2 of 5', percent: 17 },
        ],
      },
      { prompt: 'Will you come back?', responses: 5, top: [{ label: 'Yes', percent: 80 }, { label: 'No', percent: 20 }] },
    ]);
    const spanish = await app.services.surveyResults.highlights(libraryAId, 'es');
    assert.equal(spanish[0]!.title, 'Makerspace survey (es)');
    assert.equal(spanish[0]!.questions[0]!.top[0]!.label, 'Taller');
    assert.equal(spanish[0]!.questions[2]!.top[0]!.label, '4 de 5');
  });
});
