import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { createTestApp, type TestApp } from '../../../tests/support/app';
import { TestClient } from '../../../tests/support/client';
import { makeLibrary } from '../../../tests/support/factories';
import { journeyEvidence } from '../../../tests/support/evidence';
import type { Question, Survey } from './model';

/** The error message shown next to a field, or undefined. */
function fieldError(html: string, field: string): string | undefined {
  return new RegExp(`id="field-${field}-error">([^<]*)<`).exec(html)?.[1];
}

const tokenOf = (html: string) => /name="token" value="([^"]+)"/.exec(html)?.[1] ?? '';

describe('patron answering', () => {
  let t: TestApp;
  let libraryId: string;
  let survey: Survey;
  let single: Question;
  let multiple: Question;
  let scale: Question;
  let short: Question;
  let dots: Question;

  before(async () => {
    t = await createTestApp();
    const { surveys } = t.app.services;
    const library = await makeLibrary(t.app, { name: 'Glenns Ferry Test Library' });
    libraryId = library.id;
    survey = await surveys.createSurvey(
      library.id,
      { title: { en: 'What would you make?', es: '¿Qué le gustaría crear?' }, intro: { en: 'Help us plan.', es: 'Ayúdenos a planear.' }, closesOn: null },
      null,
    );
    const options = [
      { en: 'Robots', es: 'Robots' },
      { en: 'Quilts', es: 'Colchas' },
      { en: 'Videos', es: 'Vídeos' },
    ];
    single = await surveys.addQuestion(survey, 'single', { prompt: { en: 'Which first?', es: '¿Cuál primero?' }, required: true, dots: null, options });
    multiple = await surveys.addQuestion(survey, 'multiple', { prompt: { en: 'Which at all?', es: '¿Cuáles?' }, required: false, dots: null, options });
    scale = await surveys.addQuestion(survey, 'scale', { prompt: { en: 'How welcome?', es: '¿Qué tan bienvenido?' }, required: false, dots: null, options: [] });
    short = await surveys.addQuestion(survey, 'short', { prompt: { en: 'Your idea', es: 'Su idea' }, required: false, dots: null, options: [] });
    await surveys.addQuestion(survey, 'long', { prompt: { en: 'Anything else?', es: '¿Algo más?' }, required: false, dots: null, options: [] });
    dots = await surveys.addQuestion(survey, 'dots', { prompt: { en: 'Place your dots', es: 'Reparta sus puntos' }, required: false, dots: 3, options });
    assert.deepEqual(await surveys.openSurvey(survey, '2026-01-01'), { ok: true });
    survey = (await surveys.getSurvey(library.id, survey.id))!;
  });
  after(() => t.close());

  const count = () => t.app.services.surveys.countResponses(survey.id);
  const url = () => `/s/${survey.code}`;
  const good = () => ({
    [`q_${single.id}`]: single.options[1]!.id,
    [`q_${multiple.id}`]: [multiple.options[0]!.id, multiple.options[2]!.id],
    [`q_${scale.id}`]: '4',
    [`q_${short.id}`]: 'A sewing corner',
    [`q_${dots.id}_${dots.options[0]!.id}`]: '2',
    [`q_${dots.id}_${dots.options[1]!.id}`]: '1',
  });

  it('shows a lean, script-free form with a one-time token, in Spanish from the link', async () => {
    const client = new TestClient(t.app);
    const page = await client.get(`${url()}?lang=es`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<html lang="es">/);
    assert.match(page.body, /<h1>¿Qué le gustaría crear\?<\/h1>/);
    assert.match(page.body, /1 = nada, 5 = mucho/);
    assert.match(page.body, /Reparta hasta 3 puntos en total/);
    assert.match(page.body, /href="\?lang=en"/);
    assert.doesNotMatch(page.body, /<script|name="_csrf"/);
    assert.ok(tokenOf(page.body).length >= 40);
    assert.notEqual(tokenOf((await client.get(url())).body), tokenOf(page.body), 'each view gets a fresh token');
    assert.ok(gzipSync(page.body).length < 15_000, 'the page stays under 15 KB compressed');
  });

  it('stores a Spanish answer as one row and thanks the patron in Spanish', async () => {
    const client = new TestClient(t.app);
    const token = tokenOf((await client.get(`${url()}?lang=es`)).body);
    const before = await count();
    // The library has this one survey, so the journey counts its responses.
    assert.deepEqual(await journeyEvidence(t.app, libraryId, ['survey']), [{ item: 'survey', done: before > 0, n: before }]);
    const response = await client.post(url(), { token, ...good() }, { csrf: false });
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, `/s/${survey.code}/thanks?lang=es`);
    const thanks = await client.get(String(response.headers.location));
    assert.equal(thanks.statusCode, 200);
    assert.match(thanks.body, /¡Gracias!/);
    assert.match(thanks.body, /Glenns Ferry Test Library/);
    assert.equal(await count(), before + 1);
    assert.deepEqual(await journeyEvidence(t.app, libraryId, ['survey']), [{ item: 'survey', done: true, n: before + 1 }]);
    const row = await t.app.database.db.selectFrom('survey_responses').selectAll().where('token', '=', token).executeTakeFirstOrThrow();
    assert.equal(row.channel, 'web');
    assert.equal(row.locale, 'es');
    assert.equal(row.entered_by, null);
    assert.deepEqual(JSON.parse(row.answers), {
      [single.id]: single.options[1]!.id,
      [multiple.id]: [multiple.options[0]!.id, multiple.options[2]!.id],
      [scale.id]: 4,
      [short.id]: 'A sewing corner',
      [dots.id]: { [dots.options[0]!.id]: 2, [dots.options[1]!.id]: 1 },
    });
  });

  it('stores a double submit with the same token once', async () => {
    const client = new TestClient(t.app);
    const token = tokenOf((await client.get(url())).body);
    const before = await count();
    assert.equal((await client.post(url(), { token, ...good() }, { csrf: false })).statusCode, 303);
    assert.equal((await client.post(url(), { token, ...good() }, { csrf: false })).statusCode, 303);
    assert.equal(await count(), before + 1);
  });

  it('re-renders with every answer kept and the same token after an error, then stores the retry', async () => {
    const client = new TestClient(t.app);
    const token = tokenOf((await client.get(url())).body);
    const before = await count();
    const { [`q_${single.id}`]: _skipped, ...rest } = good();
    const failed = await client.post(url(), { token, ...rest, unknownField: 'ignored' }, { csrf: false });
    assert.equal(failed.statusCode, 400);
    assert.equal(fieldError(failed.body, `q_${single.id}`), 'Answer question 1');
    assert.match(failed.body, /There is a problem/);
    assert.equal(tokenOf(failed.body), token);
    assert.match(failed.body, /value="A sewing corner"/);
    assert.match(failed.body, new RegExp(`value="${multiple.options[2]!.id}" checked`));
    assert.match(failed.body, /value="4" checked/);
    assert.match(failed.body, new RegExp(`name="q_${dots.id}_${dots.options[0]!.id}" type="number"[^>]*value="2"`));
    assert.equal(await count(), before);
    assert.equal((await client.post(url(), { token, ...good() }, { csrf: false })).statusCode, 303);
    assert.equal(await count(), before + 1);
  });

  it('refuses a dot vote over the limit, unknown options, bad scales and oversized text with 400', async () => {
    const client = new TestClient(t.app);
    const token = tokenOf((await client.get(url())).body);
    const before = await count();
    const cases: Array<[Record<string, string | string[]>, string, RegExp]> = [
      [{ [`q_${dots.id}_${dots.options[2]!.id}`]: '3' }, `q_${dots.id}`, /place no more than 3 dots in all \(you placed 6\)/],
      [{ [`q_${dots.id}_${dots.options[2]!.id}`]: '-1' }, `q_${dots.id}`, /whole numbers/],
      [{ [`q_${single.id}`]: 'o99' }, `q_${single.id}`, /choose from the options shown/],
      [{ [`q_${multiple.id}`]: [multiple.options[0]!.id, 'forged'] }, `q_${multiple.id}`, /choose from the options shown/],
      [{ [`q_${scale.id}`]: '6' }, `q_${scale.id}`, /from 1 to 5/],
      [{ [`q_${short.id}`]: 'x'.repeat(201) }, `q_${short.id}`, /200 characters or fewer/],
    ];
    for (const [fields, field, message] of cases) {
      const response = await client.post(url(), { token, ...good(), ...fields }, { csrf: false });
      assert.equal(response.statusCode, 400, field);
      assert.match(fieldError(response.body, field) ?? '', message);
    }
    const noToken = await client.post(url(), good(), { csrf: false });
    assert.equal(noToken.statusCode, 400);
    assert.equal(await count(), before);
  });

  it('stores all of 50 concurrent answers with distinct tokens, and one of 10 with the same token', async () => {
    const before = await count();
    const client = new TestClient(t.app);
    const tokens = await Promise.all(Array.from({ length: 50 }, async () => tokenOf((await client.get(url())).body)));
    const distinct = await Promise.all(tokens.map((token) => client.post(url(), { token, ...good() }, { csrf: false })));
    const thanked = distinct.filter((r) => r.statusCode === 303).length;
    assert.equal(thanked, 50);
    assert.equal(await count(), before + thanked);

    const shared = tokenOf((await client.get(url())).body);
    const same = await Promise.all(Array.from({ length: 10 }, () => client.post(url(), { token: shared, ...good() }, { csrf: false })));
    assert.deepEqual(same.map((r) => r.statusCode), Array(10).fill(303));
    assert.equal(await count(), before + 51);
  });

  it('says kindly that a closed survey has closed, storing nothing', async () => {
    const { surveys } = t.app.services;
    const library = await makeLibrary(t.app);
    const input = { title: { en: 'Old survey', es: 'Encuesta antigua' }, intro: { en: '', es: '' }, closesOn: null };
    const closed = await surveys.createSurvey(library.id, input, null);
    await surveys.addQuestion(closed, 'short', { prompt: { en: 'Q', es: 'P' }, required: false, dots: null, options: [] });
    await surveys.setHistory(closed, { status: 'closed', openedAt: '2017-01-01T00:00:00.000Z', closedAt: '2017-02-01T00:00:00.000Z' });
    const pastDay = await surveys.createSurvey(library.id, { ...input, closesOn: '2017-03-31' }, null);
    await surveys.setHistory(pastDay, { status: 'open', openedAt: '2017-03-01T00:00:00.000Z', closedAt: null });
    const client = new TestClient(t.app);
    for (const s of [closed, pastDay]) {
      const page = await client.get(`/s/${s.code}`);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /This survey has closed/);
      assert.match(page.body, /“Old survey” is no longer taking answers/);
      const post = await client.post(`/s/${s.code}`, { token: 'a'.repeat(43) }, { csrf: false });
      assert.equal(post.statusCode, 409);
      assert.equal(await surveys.countResponses(s.id), 0);
    }
    const spanish = await client.get(`/s/${closed.code}?lang=es`);
    assert.match(spanish.body, /Esta encuesta ya cerró/);
  });

  it('answers 404 for a draft survey and an unknown code, and finds a code typed in lower case', async () => {
    const { surveys } = t.app.services;
    const library = await makeLibrary(t.app);
    const draft = await surveys.createSurvey(library.id, { title: { en: 'Draft', es: 'Borrador' }, intro: { en: '', es: '' }, closesOn: null }, null);
    const client = new TestClient(t.app);
    assert.equal((await client.get(`/s/${draft.code}`)).statusCode, 404);
    assert.equal((await client.post(`/s/${draft.code}`, { token: 'b'.repeat(43) }, { csrf: false })).statusCode, 404);
    assert.equal((await client.get(`/s/${draft.code}/thanks`)).statusCode, 404);
    assert.equal((await client.get('/s/NOPE00')).statusCode, 404);
    assert.equal((await client.get(`/s/${survey.code.toLowerCase()}`)).statusCode, 200);
  });
});
