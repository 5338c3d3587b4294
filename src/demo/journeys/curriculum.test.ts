import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from '../../../tests/support/app';
import { makeCohort } from '../../../tests/support/factories';
import { PHASES } from '../../features/workspace/contracts';
import { DEMO_MODULES, seedDemoCurriculum } from './curriculum';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

test('the demo gives the first cohort the program outline’s modules, in order, opening over its first year', async () => {
  const cohort = await makeCohort(t.app, { startsOn: '2016-07-01', endsOn: '2018-06-30' });
  await seedDemoCurriculum(t.app.services, cohort.id);

  const modules = await t.app.services.learning.listModules(cohort.id);
  assert.deepEqual(
    modules.map((m) => m.title),
    ['Active learning and placemaking', 'Inspired planning with your community', 'Flexing your space', 'Design thinking, ideation and prototyping', 'Action planning'],
  );
  assert.deepEqual(modules.map((m) => m.phase), ['discover', 'discover', 'flex', 'ideate', 'plan']);
  assert.ok(modules.every((m) => (PHASES as readonly string[]).includes(m.phase)));
  assert.ok(modules.every((m) => m.objectives.length >= 3 && m.objectives.length <= 4), 'three or four objectives each');
  assert.ok(modules.every((m) => m.introduction.length > 100 && m.introduction.length < 1000), 'a short introduction each');
  assert.ok(modules.some((m) => /\*\*/.test(m.introduction)) && modules.some((m) => /^- /m.test(m.introduction)), 'introductions use Markdown');
  const days = modules.map((m) => m.opensOn);
  assert.deepEqual(days, [...days].sort(), 'modules open in their order');
  assert.equal(new Set(days).size, days.length, 'on different days');
  assert.ok(days.every((day) => day >= cohort.startsOn && day <= cohort.endsOn));
  assert.deepEqual(modules.map((m) => m.position), [...modules.keys()].map((n) => modules[0]!.position + n));
  assert.equal(modules.length, DEMO_MODULES.length);
});
