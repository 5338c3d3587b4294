import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import type { Locator } from 'playwright-core';
import { translator } from '../../src/i18n';
import { navigate, visit } from '../support/browser';
import {
  navigateWithoutJavaScript,
  newPageWithoutJavaScript,
  optional,
  t,
  useWorkspaceHarness,
  visitWithoutJavaScript,
} from './harness';

// A library's patron survey from start to finish: staff build it in both
// languages and open it, patrons answer on the web (one with JavaScript off,
// in Spanish), a double submit counts once, and staff read the results.
// The tests run in order: each one goes on from where the one before ended.

/** Spanish wording, for what the patron reads. */
const es = translator('es');

const SURVEY = {
  title: { en: 'What should our new space offer?', es: '¿Qué debería ofrecer nuestro nuevo espacio?' },
};
const CHOICE = {
  prompt: { en: 'Which would you use most?', es: '¿Cuál usaría más?' },
  options: [
    { en: 'Quiet reading nook', es: 'Rincón de lectura tranquilo' },
    { en: 'Maker table', es: 'Mesa de creación' },
    { en: 'Homework help', es: 'Ayuda con las tareas' },
  ],
};
const DOTS = {
  prompt: { en: 'Place your dots on what matters to you', es: 'Reparta sus puntos según lo que le importe' },
  options: [
    { en: 'Longer hours', es: 'Horario más amplio' },
    { en: 'More outlets', es: 'Más enchufes' },
    { en: 'Storytime space', es: 'Espacio para cuentos' },
  ],
};

/** The survey built in the first test. */
let survey: { id: string; code: string; path: string } | undefined;

const { harness, team, staffPage } = useWorkspaceHarness();


function builtSurvey() {
  assert.ok(survey, 'the survey was built and opened by the first test');
  return survey;
}

/** The texts of the cells of a table's row whose first cell (header or data) reads `label`, that cell included. */
async function rowCells(table: Locator, label: string): Promise<string[]> {
  await table.waitFor();
  const rows = await table
    .locator('tr')
    .evaluateAll((trs) => trs.map((tr) => [...tr.children].map((cell) => (cell as HTMLElement).innerText.trim())));
  const row = rows.find((cells) => cells[0] === label);
  assert.ok(row, `a row for ${label} in ${JSON.stringify(rows)}`);
  return row;
}

/** The stored responses of the survey, oldest first. */
async function storedResponses(surveyId: string) {
  return harness.server.app.database.db
    .selectFrom('survey_responses')
    .select(['token', 'channel', 'locale', 'answers'])
    .where('survey_id', '=', surveyId)
    .orderBy('submitted_at')
    .execute();
}

/** The ids of the survey's two questions and of their options, as stored. */
async function questionIds(surveyId: string) {
  const [choice, dots] = await harness.server.app.services.surveys.questionsOf(surveyId);
  assert.ok(choice && dots, 'the survey has its two questions');
  return { choice, dots };
}

test('a staff member builds a survey in English and Spanish, is told a Spanish text is missing, fixes it, opens the survey and gets its link, QR code and poster', async () => {
  const { server } = harness;
  const page = await staffPage();

  // From the library's page into its workspace, then to its surveys.
  await visit(page, `${server.url}/libraries/${team.library.slug}`);
  await navigate(page, () => page.getByRole('link', { name: t('workspace.open') }).click());
  const workspaceNav = page.getByRole('navigation', { name: t('workspace.nav.label') });
  await navigate(page, () => workspaceNav.getByRole('link', { name: t('workspace.nav.surveys') }).click());
  assert.equal(new URL(page.url()).pathname, `/libraries/${team.library.slug}/surveys`);
  await page.getByText(t('surveys.list.empty')).waitFor();

  // The survey, titled in both languages.
  await navigate(page, () => page.getByRole('link', { name: t('surveys.new') }).click());
  await page.getByLabel(optional(t('surveys.field.titleEn')), { exact: true }).fill(SURVEY.title.en);
  await page.getByLabel(optional(t('surveys.field.titleEs')), { exact: true }).fill(SURVEY.title.es);
  await navigate(page, () => page.getByRole('button', { name: t('common.save') }).click());
  await page.getByText(t('surveys.flash.created')).waitFor();
  const path = new URL(page.url()).pathname;
  assert.match(path, new RegExp(`^/libraries/${team.library.slug}/surveys/[^/]+$`));
  await page.getByRole('heading', { level: 1, name: `${SURVEY.title.en} / ${SURVEY.title.es}` }).waitFor();

  // A single-choice question, with its options in both languages.
  await navigate(page, () => page.getByRole('link', { name: t('surveys.question.add') }).click());
  await page.getByRole('radio', { name: `${t('surveys.type.single')}: ${t('surveys.typeHint.single')}` }).check();
  await navigate(page, () => page.getByRole('button', { name: t('surveys.question.continue') }).click());
  await page.getByRole('heading', { level: 1, name: t('surveys.question.newOfType', { type: t('surveys.type.single') }) }).waitFor();
  await page.getByLabel(optional(t('surveys.field.promptEn')), { exact: true }).fill(CHOICE.prompt.en);
  await page.getByLabel(optional(t('surveys.field.promptEs')), { exact: true }).fill(CHOICE.prompt.es);
  await page.getByLabel(t('surveys.field.optionsEn'), { exact: true }).fill(CHOICE.options.map((o) => o.en).join('\n'));
  await page.getByLabel(t('surveys.field.optionsEs'), { exact: true }).fill(CHOICE.options.map((o) => o.es).join('\n'));
  await page.getByRole('checkbox', { name: t('surveys.field.required') }).check();
  await navigate(page, () => page.getByRole('button', { name: t('common.save') }).click());
  await page.getByText(t('surveys.flash.questionAdded')).waitFor();

  // A dot vote whose Spanish question is forgotten.
  await navigate(page, () => page.getByRole('link', { name: t('surveys.question.add') }).click());
  await page.getByRole('radio', { name: `${t('surveys.type.dots')}: ${t('surveys.typeHint.dots')}` }).check();
  await navigate(page, () => page.getByRole('button', { name: t('surveys.question.continue') }).click());
  assert.equal(await page.getByLabel(t('surveys.field.dots'), { exact: true }).inputValue(), '3');
  await page.getByLabel(optional(t('surveys.field.promptEn')), { exact: true }).fill(DOTS.prompt.en);
  await page.getByLabel(t('surveys.field.optionsEn'), { exact: true }).fill(DOTS.options.map((o) => o.en).join('\n'));
  await page.getByLabel(t('surveys.field.optionsEs'), { exact: true }).fill(DOTS.options.map((o) => o.es).join('\n'));
  await navigate(page, () => page.getByRole('button', { name: t('common.save') }).click());
  await page.getByText(t('surveys.flash.questionAdded')).waitFor();
  const missingText = t('surveys.missing.prompt', { language: t('locale.es'), n: 2 });
  const warning = page.getByRole('region', { name: t('surveys.missing.heading', { count: 1 }) });
  await warning.getByRole('link', { name: missingText }).waitFor();
  const dotsTable = page.getByRole('table', { name: t('surveys.question.caption', { n: 2, type: t('surveys.type.dots') }) });
  assert.deepEqual(await rowCells(dotsTable, t('surveys.question.prompt')), [t('surveys.question.prompt'), DOTS.prompt.en, t('surveys.missing.empty')]);

  // Opening is refused, naming what is missing.
  await navigate(page, () => page.getByRole('button', { name: t('surveys.open') }).click());
  const refusal = page.getByRole('alert').filter({ hasText: t('surveys.open.refused') });
  await refusal.getByText(t('surveys.open.translations')).waitFor();
  assert.equal((await server.app.services.surveys.getSurvey(team.library.id, path.split('/').pop() ?? ''))?.status, 'draft');

  // The link in the warning leads to the question, where the Spanish is added.
  await navigate(page, () => refusal.getByRole('link', { name: missingText }).click());
  await page.getByRole('heading', { level: 1, name: t('surveys.question.editN', { n: 2 }) }).waitFor();
  assert.equal(await page.getByLabel(optional(t('surveys.field.promptEn')), { exact: true }).inputValue(), DOTS.prompt.en);
  await page.getByLabel(optional(t('surveys.field.promptEs')), { exact: true }).fill(DOTS.prompt.es);
  await navigate(page, () => page.getByRole('button', { name: t('common.save') }).click());
  await page.getByText(t('surveys.flash.questionSaved', { n: 2 })).waitFor();
  assert.equal(await page.getByRole('heading', { name: t('surveys.missing.heading', { count: 1 }) }).count(), 0);

  // Now it opens.
  await navigate(page, () => page.getByRole('button', { name: t('surveys.open') }).click());
  await page.getByText(t('surveys.flash.opened')).waitFor();
  await page.getByText(t('surveys.status.open'), { exact: true }).waitFor();
  await page.getByText(t('surveys.locked.note')).waitFor();
  const stored = await server.app.services.surveys.getSurvey(team.library.id, path.split('/').pop() ?? '');
  assert.equal(stored?.status, 'open');
  assert.ok(stored);
  survey = { id: stored.id, code: stored.code, path };

  // The public link, shown in full.
  const link = `${server.url}/s/${stored.code}`;
  assert.equal(await page.getByRole('link', { name: link, exact: true }).getAttribute('href'), link);

  // The QR code is an SVG image.
  const qrHref = await page.getByRole('link', { name: t('surveys.link.qr') }).getAttribute('href');
  assert.equal(qrHref, `${path}/qr.svg`);
  const qr = await page.request.get(`${server.url}${qrHref}`);
  assert.equal(qr.status(), 200);
  assert.match(qr.headers()['content-type'] ?? '', /^image\/svg\+xml/);
  const svg = await qr.text();
  assert.match(svg, /^<svg[^>]*viewBox=/);
  assert.match(svg, /<\/svg>\s*$/);

  // The poster: both titles, the QR code as an image, the short link and the invitation in both languages.
  await navigate(page, () => page.getByRole('link', { name: t('surveys.link.poster') }).click());
  assert.equal(new URL(page.url()).pathname, `${path}/poster`);
  await page.getByRole('heading', { level: 1, name: t('surveys.poster.title', { title: `${SURVEY.title.en} / ${SURVEY.title.es}` }) }).waitFor();
  await page.getByRole('heading', { level: 2, name: SURVEY.title.en }).waitFor();
  await page.getByText(SURVEY.title.es, { exact: true }).waitFor();
  const qrImage = page.getByRole('img', { name: t('surveys.poster.qrAlt', { link }) });
  assert.ok(await qrImage.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0), 'the QR code loaded');
  await page.getByText(link.replace(/^https?:\/\//, ''), { exact: true }).waitFor();
  await page.getByText(es('surveys.poster.invite', { library: team.library.name })).waitFor();
});

test('a patron with JavaScript off answers in Spanish, is told a dot vote is over the limit with the answers kept, and gets the Spanish thanks', async () => {
  const { server } = harness;
  const { id, code } = builtSurvey();
  const { choice, dots } = await questionIds(id);
  const patron = await newPageWithoutJavaScript(harness.browser);
  try {
    assert.equal((await visitWithoutJavaScript(patron, `${server.url}/s/${code}?lang=es`))?.status(), 200);
    assert.equal(await patron.locator('html').getAttribute('lang'), 'es');
    await patron.getByRole('heading', { level: 1, name: SURVEY.title.es }).waitFor();
    await patron.getByRole('link', { name: 'Answer in English' }).waitFor();

    // Question 1, one choice; question 2, five dots where three are allowed.
    const first = patron.getByRole('group', { name: `1. ${CHOICE.prompt.es}` });
    await first.getByRole('radio', { name: CHOICE.options[1]!.es, exact: true }).check();
    const second = patron.getByRole('group', { name: `2. ${DOTS.prompt.es}` });
    await second.getByText(es('surveys.answer.dotsHint', { dots: 3 })).waitFor();
    await second.getByRole('spinbutton', { name: DOTS.options[0]!.es, exact: true }).fill('2');
    await second.getByRole('spinbutton', { name: DOTS.options[1]!.es, exact: true }).fill('3');
    await navigateWithoutJavaScript(patron, () => patron.getByRole('button', { name: es('surveys.answer.submit') }).click());

    const over = es('surveys.answer.dotsOver', { n: 2, dots: 3, placed: 5 });
    await patron.getByRole('alert').getByRole('link', { name: over }).waitFor();
    await second.getByText(over).waitFor();
    assert.ok(await first.getByRole('radio', { name: CHOICE.options[1]!.es, exact: true }).isChecked(), 'the choice is kept');
    assert.equal(await second.getByRole('spinbutton', { name: DOTS.options[0]!.es, exact: true }).inputValue(), '2');
    assert.equal(await second.getByRole('spinbutton', { name: DOTS.options[1]!.es, exact: true }).inputValue(), '3');
    assert.equal((await storedResponses(id)).length, 0, 'nothing is stored yet');

    // Three dots in all: accepted.
    await second.getByRole('spinbutton', { name: DOTS.options[1]!.es, exact: true }).fill('1');
    await navigateWithoutJavaScript(patron, () => patron.getByRole('button', { name: es('surveys.answer.submit') }).click());
    const address = new URL(patron.url());
    assert.equal(address.pathname, `/s/${code}/thanks`);
    assert.equal(address.search, '?lang=es');
    await patron.getByRole('heading', { level: 1, name: es('surveys.thanks.title') }).waitFor();
    await patron.getByText(es('surveys.thanks.lead', { library: team.library.name })).waitFor();

    const responses = await storedResponses(id);
    assert.equal(responses.length, 1);
    assert.equal(responses[0]!.channel, 'web');
    assert.equal(responses[0]!.locale, 'es');
    assert.deepEqual(JSON.parse(responses[0]!.answers), {
      [choice.id]: choice.options[1]!.id,
      [dots.id]: { [dots.options[0]!.id]: 2, [dots.options[1]!.id]: 1 },
    });
  } finally {
    await patron.context().close();
  }
});

test('the same answers sent twice with the same form are stored once', async () => {
  const { server } = harness;
  const { id, code } = builtSurvey();
  const page = await harness.newPage();
  await visit(page, `${server.url}/s/${code}`);
  await page.getByRole('heading', { level: 1, name: SURVEY.title.en }).waitFor();
  await page.getByRole('radio', { name: CHOICE.options[1]!.en, exact: true }).check();
  await page.getByRole('spinbutton', { name: DOTS.options[0]!.en, exact: true }).fill('2');
  await page.getByRole('spinbutton', { name: DOTS.options[1]!.en, exact: true }).fill('1');

  // What the browser is about to send, to send it again afterwards.
  const form = page.locator('form.survey-answer');
  const sent = await form.evaluate((element: HTMLFormElement) => ({
    action: element.action,
    fields: [...new FormData(element)].map(([name, value]) => [name, String(value)] as [string, string]),
  }));
  const fields = Object.fromEntries(sent.fields);
  const token = fields.token;
  assert.ok(token, 'the form carries a one-time token');

  await navigate(page, () => page.getByRole('button', { name: t('surveys.answer.submit') }).click());
  await page.getByRole('heading', { level: 1, name: t('surveys.thanks.title') }).waitFor();

  // The same post again, as a second tap or a retry on a poor connection sends it.
  const again = await page.request.post(sent.action, { form: fields });
  assert.equal(again.status(), 200);
  assert.equal(new URL(again.url()).pathname, `/s/${code}/thanks`);
  assert.match(await again.text(), new RegExp(t('surveys.thanks.title')));

  const responses = await storedResponses(id);
  assert.equal(responses.filter((r) => r.token === token).length, 1);
  assert.equal(responses.length, 2, 'the Spanish answer and this one');
  await page.context().close();
});

test('staff read the results with counts and shares, filter them by channel, and download them as CSV', async () => {
  const { server } = harness;
  const { id, code, path } = builtSurvey();
  const page = await staffPage();

  // The survey counts two responses; its results page shows them.
  await visit(page, `${server.url}${path}`);
  await navigate(page, () => page.getByRole('link', { name: t('surveys.link.results'), exact: true }).click());
  assert.equal(new URL(page.url()).pathname, `${path}/results`);
  await page.getByRole('heading', { level: 1, name: t('surveyResults.title', { survey: SURVEY.title.en }) }).waitFor();
  await page.getByText(t('surveyResults.matching.other', { count: 2 })).waitFor();
  const choiceTable = page.getByRole('table', { name: t('surveyResults.caption.choice', { prompt: CHOICE.prompt.en }) });
  const dotsTable = page.getByRole('table', { name: t('surveyResults.caption.dots', { prompt: DOTS.prompt.en }) });
  assert.deepEqual(await rowCells(choiceTable, CHOICE.options[1]!.en), [CHOICE.options[1]!.en, '2', '100%']);
  assert.deepEqual(await rowCells(choiceTable, CHOICE.options[0]!.en), [CHOICE.options[0]!.en, '0', '0%']);
  assert.deepEqual(await rowCells(dotsTable, DOTS.options[0]!.en), [DOTS.options[0]!.en, '4', '67%']);
  assert.deepEqual(await rowCells(dotsTable, DOTS.options[1]!.en), [DOTS.options[1]!.en, '2', '33%']);
  await page.getByText(t('surveyResults.dots.voters', { count: 2, dots: 6 })).waitFor();

  // A paper copy comes back and is typed in.
  await navigate(page, () => page.getByRole('link', { name: t('surveyResults.back') }).click());
  await navigate(page, () => page.getByRole('link', { name: t('surveys.link.paperEntry') }).click());
  await page.getByRole('group', { name: t('surveys.field.paperLanguage') }).getByRole('radio', { name: t('locale.en') }).check();
  await page.getByRole('radio', { name: CHOICE.options[2]!.en, exact: true }).check();
  await page.getByRole('spinbutton', { name: DOTS.options[2]!.en, exact: true }).fill('3');
  await navigate(page, () => page.getByRole('button', { name: t('surveys.paperEntry.save') }).click());
  await page.getByText(t('surveys.flash.paperSaved', { n: 1 })).waitFor();
  await navigate(page, () => page.getByRole('link', { name: t('surveys.paperEntry.done') }).click());
  await navigate(page, () => page.getByRole('link', { name: t('surveys.link.results'), exact: true }).click());

  // All three responses.
  await page.getByText(t('surveyResults.matching.other', { count: 3 })).waitFor();
  assert.deepEqual(await rowCells(choiceTable, CHOICE.options[1]!.en), [CHOICE.options[1]!.en, '2', '67%']);
  assert.deepEqual(await rowCells(choiceTable, CHOICE.options[2]!.en), [CHOICE.options[2]!.en, '1', '33%']);

  // Only those on the web.
  const filter = page.getByRole('form', { name: t('surveyResults.filter.label') });
  await filter.getByLabel(t('surveyResults.filter.channel')).selectOption({ label: t('surveyResults.filter.channel.web') });
  await navigate(page, () => filter.getByRole('button', { name: t('surveyResults.filter.submit') }).click());
  assert.equal(new URL(page.url()).searchParams.get('channel'), 'web');
  await page.getByText(t('surveyResults.matching.other', { count: 2 })).waitFor();
  assert.deepEqual(await rowCells(choiceTable, CHOICE.options[1]!.en), [CHOICE.options[1]!.en, '2', '100%']);
  assert.deepEqual(await rowCells(choiceTable, CHOICE.options[2]!.en), [CHOICE.options[2]!.en, '0', '0%']);

  // The download keeps the filter: the header row and the two web responses.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: t('surveyResults.download') }).click(),
  ]);
  assert.equal(download.suggestedFilename(), `${code}-responses.csv`);
  const csv = await readFile(await download.path(), 'utf8');
  const lines = csv.replace(/^\uFEFF/, '').trim().split(/\r?\n/);
  assert.equal(lines[0], ['Response id', 'Submitted at', 'Channel', 'Language', CHOICE.prompt.en, DOTS.prompt.en].join(','));
  const rows = lines.slice(1).map((line) => line.split(','));
  assert.equal(rows.length, 2);
  for (const [responseId, submittedAt, channel, , chosen, placed] of rows) {
    assert.ok(responseId, 'each row names its response');
    assert.ok(!Number.isNaN(Date.parse(submittedAt ?? '')), `a time: ${submittedAt}`);
    assert.equal(channel, 'web');
    assert.equal(chosen, CHOICE.options[1]!.en);
    assert.equal(placed, `${DOTS.options[0]!.en}: 2; ${DOTS.options[1]!.en}: 1`);
  }
  assert.deepEqual(rows.map((row) => row[3]).sort(), ['en', 'es']);

  // And only those on paper.
  await filter.getByLabel(t('surveyResults.filter.channel')).selectOption({ label: t('surveyResults.filter.channel.paper') });
  await navigate(page, () => filter.getByRole('button', { name: t('surveyResults.filter.submit') }).click());
  await page.getByText(t('surveyResults.matching.one')).waitFor();
  assert.deepEqual(await rowCells(choiceTable, CHOICE.options[2]!.en), [CHOICE.options[2]!.en, '1', '100%']);
  assert.deepEqual(await rowCells(dotsTable, DOTS.options[2]!.en), [DOTS.options[2]!.en, '3', '100%']);
  assert.equal((await storedResponses(id)).length, 3);
});
