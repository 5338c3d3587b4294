import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from '../../../tests/support/app';
import { journeyContext } from '../../../tests/support/journeys';
import { missingTranslations } from '../../features/surveys/model';
import type { JourneyContext } from './context';
import { seedDemoSurveys } from './surveys';

describe('surveys demo data', () => {
  let t: TestApp;
  let context: JourneyContext;

  before(async () => {
    t = await createTestApp();
    context = await journeyContext(t.app);
    await seedDemoSurveys(t.app.services, context);
  });
  after(() => t.close());

  it('gives each demo library a closed, fully translated survey with a few hundred valid responses', async () => {
    const { surveys } = t.app.services;
    for (const library of [context.glennsFerry, context.madison, context.ignacio]) {
      const summary = (await surveys.listForLibrary(library.id)).find((s) => s.status === 'closed');
      assert.ok(summary, 'a closed survey');
      const survey = (await surveys.getSurvey(library.id, summary.id))!;
      assert.ok(survey.closesOn! >= '2016-07-01' && survey.closesOn! <= '2017-12-31');
      const questions = await surveys.questionsOf(survey.id);
      assert.ok(questions.length >= 4 && questions.length <= 6);
      assert.deepEqual(missingTranslations(survey, questions), []);

      const rows = await t.app.database.db.selectFrom('survey_responses').selectAll().where('survey_id', '=', survey.id).execute();
      assert.ok(rows.length >= 150 && rows.length <= 300, `${rows.length} responses`);
      const spanish = rows.filter((r) => r.locale === 'es').length / rows.length;
      assert.ok(spanish > 0.2 && spanish < 0.5, `${spanish} in Spanish`);
      const paper = rows.filter((r) => r.channel === 'paper');
      assert.ok(paper.length > 0 && paper.every((r) => r.entered_by === library.memberId));
      const byId = new Map(questions.map((q) => [q.id, q]));
      for (const row of rows) {
        for (const [id, value] of Object.entries(JSON.parse(row.answers) as Record<string, unknown>)) {
          const question = byId.get(id);
          assert.ok(question, 'every answer belongs to a question');
          const ids = new Set(question.options.map((o) => o.id));
          if (question.type === 'single') assert.ok(ids.has(value as string));
          if (question.type === 'multiple') assert.ok((value as string[]).every((v) => ids.has(v)));
          if (question.type === 'dots') {
            const placed = Object.entries(value as Record<string, number>);
            assert.ok(placed.every(([o]) => ids.has(o)));
            assert.ok(placed.reduce((sum, [, n]) => sum + n, 0) <= question.dots!);
          }
        }
      }
      const texts = rows.filter((r) => questions.some((q) => (q.type === 'short' || q.type === 'long') && JSON.parse(r.answers)[q.id]));
      assert.ok(texts.length > 0, 'some patrons wrote an answer');
    }
  });

  it('leaves Glenns Ferry a survey open for patrons to answer today', async () => {
    const open = (await t.app.services.surveys.listForLibrary(context.glennsFerry.id)).filter((s) => s.status === 'open');
    assert.equal(open.length, 1);
    const survey = (await t.app.services.surveys.getSurvey(context.glennsFerry.id, open[0]!.id))!;
    assert.equal(survey.closesOn, null);
    const page = await t.app.inject({ method: 'GET', url: `/s/${survey.code}` });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /How is the makerspace working for you\?/);
  });
});
