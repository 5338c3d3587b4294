import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from '../../../tests/support/app';
import { TestClient } from '../../../tests/support/client';
import { makeLibrary, signedInClient } from '../../../tests/support/factories';
import type { Survey } from './model';

/** The error message shown next to a field, or undefined. */
function fieldError(html: string, field: string): string | undefined {
  return new RegExp(`id="field-${field}-error">([^<]*)<`).exec(html)?.[1];
}

const bilingualQuestion = {
  promptEn: 'What would you make here?',
  promptEs: '¿Qué haría aquí?',
  optionsEn: 'Robots\nQuilts\nVideos',
  optionsEs: 'Robots\nColchas\nVídeos',
  required: '1',
};

describe('survey builder', () => {
  let t: TestApp;
  let lead: TestClient;
  let coach: TestClient;
  let admin: TestClient;
  let staffB: TestClient;
  let coachB: TestClient;
  let slug: string;
  let libraryId: string;
  let otherSurvey: Survey;
  let base: string;

  before(async () => {
    t = await createTestApp();
    const a = await makeLibrary(t.app, { name: 'Builder Library A' });
    const b = await makeLibrary(t.app, { name: 'Builder Library B' });
    slug = a.slug;
    libraryId = a.id;
    base = `/libraries/${slug}/surveys`;
    lead = (await signedInClient(t.app, { role: 'staff', libraryId: a.id, libraryRole: 'lead' })).client;
    coach = (await signedInClient(t.app, { role: 'coach', coachedLibraryIds: [a.id] })).client;
    admin = (await signedInClient(t.app, { role: 'admin' })).client;
    staffB = (await signedInClient(t.app, { role: 'staff', libraryId: b.id, libraryRole: 'lead' })).client;
    coachB = (await signedInClient(t.app, { role: 'coach', coachedLibraryIds: [b.id] })).client;
    otherSurvey = await t.app.services.surveys.createSurvey(b.id, { title: { en: 'B survey', es: 'Encuesta B' }, intro: { en: '', es: '' }, closesOn: null }, null);
  });
  after(() => t.close());

  /** Creates a survey through the form and returns its page address. */
  async function createSurvey(fields: Record<string, string> = {}): Promise<string> {
    const response = await lead.post(`${base}/new`, { titleEn: 'Makerspace survey', titleEs: 'Encuesta del taller', ...fields });
    assert.equal(response.statusCode, 303, response.body);
    return String(response.headers.location);
  }

  it('shows an empty list with a "New survey" button for the library staff', async () => {
    const page = await lead.get(base);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /No surveys yet/);
    assert.match(page.body, /href="\/libraries\/[^"]+\/surveys\/new"/);
  });

  it('creates a survey with a six-character unambiguous code and shows its public link', async () => {
    const path = await createSurvey({ introEn: 'Tell us.', introEs: 'Cuéntenos.' });
    const page = await lead.get(path);
    assert.equal(page.statusCode, 200);
    const code = /<code>([^<]+)<\/code>/.exec(page.body)?.[1] ?? '';
    assert.match(code, /^[A-HJKMNP-Z2-9]{6}$/);
    assert.match(page.body, new RegExp(`http://smartspaces.test/s/${code}`));
    assert.match(page.body, /<strong class="tag survey-status-draft">Draft<\/strong>/);
    const list = await lead.get(base);
    assert.match(list.body, /Makerspace survey \/ Encuesta del taller/);
  });

  it('refuses a survey without a title, or with a closing day in the past or not a real day, keeping the input', async () => {
    const empty = await lead.post(`${base}/new`, { introEn: 'Kept intro' });
    assert.equal(empty.statusCode, 400);
    assert.equal(fieldError(empty.body, 'titleEn'), 'Enter a title in English or Spanish');
    assert.match(empty.body, /Kept intro/);
    const past = await lead.post(`${base}/new`, { titleEn: 'Old', closesOn: '2016-07-01' });
    assert.equal(past.statusCode, 400);
    assert.equal(fieldError(past.body, 'closesOn'), 'The closing day must be today or later');
    assert.match(past.body, /value="Old"/);
    const unreal = await lead.post(`${base}/new`, { titleEn: 'Unreal', closesOn: '2099-02-30' });
    assert.equal(unreal.statusCode, 400);
    assert.match(fieldError(unreal.body, 'closesOn') ?? '', /real date/);
    const long = await lead.post(`${base}/new`, { titleEn: 'x'.repeat(201) });
    assert.equal(long.statusCode, 400);
    assert.match(fieldError(long.body, 'titleEn') ?? '', /200 characters or fewer/);
  });

  it('adds questions after choosing a type, refusing unknown types and unmatched option lists', async () => {
    const path = await createSurvey();
    const chooser = await lead.get(`${path}/questions/new`);
    assert.equal(chooser.statusCode, 200);
    assert.match(chooser.body, /name="type" value="dots"/);
    assert.equal((await lead.get(`${path}/questions/new?type=bogus`)).statusCode, 400);
    assert.equal((await lead.post(`${path}/questions/new?type=bogus`, bilingualQuestion)).statusCode, 400);

    const mismatch = await lead.post(`${path}/questions/new?type=single`, { ...bilingualQuestion, optionsEs: 'Robots\nColchas' });
    assert.equal(mismatch.statusCode, 400);
    assert.match(fieldError(mismatch.body, 'optionsEs') ?? '', /The English list has 3 lines and the Spanish list has 2/);
    assert.match(mismatch.body, /Robots\nQuilts\nVideos/);

    const tooFew = await lead.post(`${path}/questions/new?type=multiple`, { ...bilingualQuestion, optionsEn: 'Only', optionsEs: 'Sola' });
    assert.match(fieldError(tooFew.body, 'optionsEn') ?? '', /between 2 and 12 options/);
    const noDots = await lead.post(`${path}/questions/new?type=dots`, { ...bilingualQuestion, dots: '11' });
    assert.equal(noDots.statusCode, 400);
    assert.match(fieldError(noDots.body, 'dots') ?? '', /from 1 to 10/);
    const longPrompt = await lead.post(`${path}/questions/new?type=short`, { promptEn: 'x'.repeat(501) });
    assert.match(fieldError(longPrompt.body, 'promptEn') ?? '', /500 characters or fewer/);

    assert.equal((await lead.post(`${path}/questions/new?type=single`, bilingualQuestion)).statusCode, 303);
    assert.equal((await lead.post(`${path}/questions/new?type=dots`, { ...bilingualQuestion, dots: '3' })).statusCode, 303);
    assert.equal((await lead.post(`${path}/questions/new?type=long`, { promptEn: 'Anything else?', promptEs: '¿Algo más?' })).statusCode, 303);
    const page = await lead.get(path);
    assert.match(page.body, /Question 1: Single choice/);
    assert.match(page.body, /<td>Quilts<\/td><td>Colchas<\/td>/);
    assert.match(page.body, /3 dots per patron/);
  });

  it('keeps option ids by position when a question is edited, and moves and deletes questions', async () => {
    const path = await createSurvey();
    const surveyId = path.split('/').pop()!;
    await lead.post(`${path}/questions/new?type=single`, bilingualQuestion);
    await lead.post(`${path}/questions/new?type=short`, { promptEn: 'Your idea', promptEs: 'Su idea' });
    const [first, second] = await t.app.services.surveys.questionsOf(surveyId);
    const edited = await lead.post(`${path}/questions/${first!.id}/edit`, { ...bilingualQuestion, optionsEn: 'Robots\nQuilting\nVideos\n3D printing', optionsEs: 'Robots\nAcolchado\nVídeos\nImpresión 3D' });
    assert.equal(edited.statusCode, 303);
    const after = await t.app.services.surveys.getQuestion(surveyId, first!.id);
    assert.deepEqual(after!.options.map((o) => o.id), [...first!.options.map((o) => o.id), 'o4']);
    assert.equal(after!.options[1]!.en, 'Quilting');

    assert.equal((await lead.post(`${path}/questions/${second!.id}/move`, { direction: 'up' })).statusCode, 303);
    assert.deepEqual((await t.app.services.surveys.questionsOf(surveyId)).map((q) => q.id), [second!.id, first!.id]);
    assert.equal((await lead.post(`${path}/questions/${second!.id}/move`, { direction: 'sideways' })).statusCode, 400);

    const confirm = await lead.get(`${path}/questions/${second!.id}/delete`);
    assert.equal(confirm.statusCode, 200);
    assert.match(confirm.body, /Delete the question “Your idea”/);
    assert.equal((await lead.post(`${path}/questions/${second!.id}/delete`)).statusCode, 303);
    const left = await t.app.services.surveys.questionsOf(surveyId);
    assert.deepEqual(left.map((q) => [q.id, q.position]), [[first!.id, 1]]);
  });

  it('refuses to open a survey without questions or with missing translations, listing them', async () => {
    const path = await createSurvey({ titleEs: '' });
    assert.equal((await lead.post(`${path}/close`)).statusCode, 409, 'a draft cannot be closed');
    const none = await lead.post(`${path}/open`);
    assert.equal(none.statusCode, 400);
    assert.match(none.body, /Add at least one question first/);

    await lead.post(`${path}/questions/new?type=single`, { ...bilingualQuestion, optionsEs: 'Robots\n\nVídeos' });
    const page = await lead.get(path);
    assert.match(page.body, /Missing translations \(2\)/);
    const refused = await lead.post(`${path}/open`);
    assert.equal(refused.statusCode, 400);
    assert.match(refused.body, /The title in Español/);
    assert.match(refused.body, /Option 2 of question 1 in Español/);
    assert.match(refused.body, new RegExp(`href="${path}/edit"`));

    await lead.post(`${path}/edit`, { titleEn: 'Makerspace survey', titleEs: 'Encuesta del taller' });
    const surveyId = path.split('/').pop()!;
    const [question] = await t.app.services.surveys.questionsOf(surveyId);
    await lead.post(`${path}/questions/${question!.id}/edit`, bilingualQuestion);
    const opened = await lead.post(`${path}/open`);
    assert.equal(opened.statusCode, 303);
    const openPage = await lead.get(path);
    assert.match(openPage.body, /survey-status-open/);
    assert.match(openPage.body, /questions are locked/);
  });

  it('locks questions once opened (409), and closes and reopens by hand', async () => {
    const path = await createSurvey();
    const surveyId = path.split('/').pop()!;
    await lead.post(`${path}/questions/new?type=single`, bilingualQuestion);
    assert.equal((await lead.post(`${path}/open`)).statusCode, 303);
    const [question] = await t.app.services.surveys.questionsOf(surveyId);
    const locked = await lead.get(`${path}/questions/${question!.id}/edit`);
    assert.equal(locked.statusCode, 409);
    assert.match(locked.body, /questions are locked/);
    assert.equal((await lead.post(`${path}/questions/new?type=short`, { promptEn: 'More', promptEs: 'Más' })).statusCode, 409);
    assert.equal((await lead.post(`${path}/questions/${question!.id}/delete`)).statusCode, 409);
    assert.equal((await lead.post(`${path}/questions/${question!.id}/move`, { direction: 'up' })).statusCode, 409);
    assert.equal((await t.app.services.surveys.questionsOf(surveyId)).length, 1);

    assert.equal((await lead.post(`${path}/close`)).statusCode, 303);
    assert.equal((await t.app.services.surveys.getSurvey(libraryId, surveyId))?.status, 'closed');
    assert.equal((await lead.post(`${path}/open`)).statusCode, 303);
    assert.equal((await t.app.services.surveys.getSurvey(libraryId, surveyId))?.status, 'open');
    const counts = await t.app.services.surveys.counts(libraryId);
    assert.ok(counts.open >= 1);
  });

  it('serves the QR code as SVG, a poster and paper versions in both languages', async () => {
    const path = await createSurvey();
    await lead.post(`${path}/questions/new?type=dots`, { ...bilingualQuestion, dots: '4' });
    await lead.post(`${path}/questions/new?type=scale`, { promptEn: 'How welcome do you feel?', promptEs: '¿Qué tan bienvenido se siente?' });
    const qr = await coach.get(`${path}/qr.svg`);
    assert.equal(qr.statusCode, 200);
    assert.match(String(qr.headers['content-type']), /^image\/svg\+xml/);
    assert.match(qr.body, /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    const poster = await coach.get(`${path}/poster`);
    assert.equal(poster.statusCode, 200);
    assert.match(poster.body, new RegExp(`<img src="${path}/qr.svg" alt="QR code for http://smartspaces.test/s/[A-Z2-9]{6}"`));
    assert.match(poster.body, /Encuesta del taller/);
    const paper = await coach.get(`${path}/paper?lang=es`);
    assert.equal(paper.statusCode, 200);
    assert.match(paper.body, /lang="es"/);
    assert.match(paper.body, /Dibuje hasta 4 puntos en total/);
    assert.match(paper.body, /1 = nada, 5 = mucho/);
    const paperEn = await coach.get(`${path}/paper?lang=en`);
    assert.match(paperEn.body, /Draw up to 4 dots in all/);
  });

  it('types in paper answers with channel paper, only once the survey is no longer a draft', async () => {
    const path = await createSurvey();
    const surveyId = path.split('/').pop()!;
    await lead.post(`${path}/questions/new?type=single`, bilingualQuestion);
    assert.equal((await lead.get(`${path}/paper/new`)).statusCode, 409);
    await lead.post(`${path}/open`);
    await lead.post(`${path}/close`);
    const form = await lead.get(`${path}/paper/new`);
    assert.equal(form.statusCode, 200);
    const token = /name="token" value="([^"]+)"/.exec(form.body)?.[1] ?? '';
    const [question] = await t.app.services.surveys.questionsOf(surveyId);
    const missing = await lead.post(`${path}/paper/new`, { token, [`q_${question!.id}`]: question!.options[1]!.id });
    assert.equal(missing.statusCode, 400);
    assert.equal(fieldError(missing.body, 'paperLanguage'), 'Choose the language of the paper copy');
    assert.match(missing.body, new RegExp(`value="${question!.options[1]!.id}" checked`));
    const saved = await lead.post(`${path}/paper/new`, { token, paperLanguage: 'es', [`q_${question!.id}`]: question!.options[1]!.id });
    assert.equal(saved.statusCode, 303);
    assert.equal(saved.headers.location, `${path}/paper/new`);
    const again = await lead.post(`${path}/paper/new`, { token, paperLanguage: 'es', [`q_${question!.id}`]: question!.options[1]!.id });
    assert.equal(again.statusCode, 303);
    const next = await lead.get(`${path}/paper/new`);
    assert.match(next.body, /Paper answers saved \(1 so far\)/);
    const rows = await t.app.database.db.selectFrom('survey_responses').selectAll().where('survey_id', '=', surveyId).execute();
    assert.equal(rows.length, 1);
    assert.equal(rows[0]!.channel, 'paper');
    assert.equal(rows[0]!.locale, 'es');
    assert.ok(rows[0]!.entered_by);
  });

  it('lets coaches and admins read without edit controls, and keeps others out', async () => {
    const path = await createSurvey();
    for (const reader of [coach, admin]) {
      const list = await reader.get(base);
      assert.equal(list.statusCode, 200);
      assert.doesNotMatch(list.body, /New survey/);
      const page = await reader.get(path);
      assert.equal(page.statusCode, 200);
      assert.doesNotMatch(page.body, /Open the survey|Edit title|Add a question/);
      assert.equal((await reader.post(`${base}/new`, { titleEn: 'Nope' })).statusCode, 403);
      assert.equal((await reader.post(`${path}/open`)).statusCode, 403);
      assert.equal((await reader.get(`${path}/paper/new`)).statusCode, 403);
    }
    for (const outsider of [staffB, coachB]) {
      assert.equal((await outsider.get(base)).statusCode, 403);
      assert.equal((await outsider.get(path)).statusCode, 403);
      assert.equal((await outsider.get(`${path}/qr.svg`)).statusCode, 403);
    }
    const visitor = await new TestClient(t.app).get(path);
    assert.equal(visitor.statusCode, 303);
  });

  it('answers 404 for another library’s survey and another survey’s question', async () => {
    const forged = `${base}/${otherSurvey.id}`;
    for (const url of [forged, `${forged}/edit`, `${forged}/qr.svg`, `${forged}/poster`, `${forged}/paper`, `${forged}/questions/new`]) {
      assert.equal((await lead.get(url)).statusCode, 404, url);
    }
    assert.equal((await lead.post(`${forged}/open`)).statusCode, 404);
    assert.equal((await lead.post(`${forged}/edit`, { titleEn: 'Taken over' })).statusCode, 404);
    assert.equal((await t.app.services.surveys.getSurvey(otherSurvey.libraryId, otherSurvey.id))?.title.en, 'B survey');

    const other = await t.app.services.surveys.addQuestion(otherSurvey, 'short', { prompt: { en: 'B?', es: '¿B?' }, required: false, dots: null, options: [] });
    const path = await createSurvey();
    assert.equal((await lead.get(`${path}/questions/${other.id}/edit`)).statusCode, 404);
    assert.equal((await lead.post(`${path}/questions/${other.id}/delete`)).statusCode, 404);
    assert.equal((await lead.post(`${path}/questions/${other.id}/move`, { direction: 'up' })).statusCode, 404);
    assert.equal((await t.app.services.surveys.questionsOf(otherSurvey.id)).length, 1);
  });

  it('resolves surveys for comment threads only within their library', async () => {
    const path = await createSurvey();
    const surveyId = path.split('/').pop()!;
    const library = { id: libraryId, slug, name: 'Builder Library A', timeZone: 'America/Chicago' };
    assert.deepEqual(await t.app.services.workspace.resolveSubject(library, 'survey', surveyId), { title: 'Makerspace survey', path });
    assert.equal(await t.app.services.workspace.resolveSubject(library, 'survey', otherSurvey.id), undefined);
  });
});

describe('survey service', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  it('counts surveys, open ones and responses, and imports responses in bulk', async () => {
    const library = await makeLibrary(t.app);
    const { surveys } = t.app.services;
    const input = { title: { en: 'A', es: 'A' }, intro: { en: '', es: '' }, closesOn: null };
    const open = await surveys.createSurvey(library.id, input, null);
    await surveys.addQuestion(open, 'short', { prompt: { en: 'Q', es: 'P' }, required: false, dots: null, options: [] });
    assert.deepEqual(await surveys.openSurvey(open, '2026-01-01'), { ok: true });
    const past = await surveys.createSurvey(library.id, { ...input, closesOn: '2017-03-31' }, null);
    await surveys.setHistory(past, { status: 'open', openedAt: '2017-03-01T00:00:00.000Z', closedAt: null });
    await surveys.importResponses(
      past.id,
      Array.from({ length: 120 }, (_, i) => ({ channel: 'web' as const, locale: 'en' as const, answers: {}, submittedAt: `2017-03-0${(i % 9) + 1}T12:00:00.000Z` })),
    );
    assert.deepEqual(await surveys.counts(library.id), { surveys: 2, open: 1, responses: 120 });
    assert.equal((await surveys.listForLibrary(library.id)).length, 2);
    assert.deepEqual(await surveys.openSurvey(past, '2026-01-01'), { ok: false, reason: 'closingDayPast' });
  });
});
