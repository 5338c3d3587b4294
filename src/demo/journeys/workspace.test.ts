import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from '../../../tests/support/app';
import { makePerson } from '../../../tests/support/factories';
import { journeyContext } from '../../../tests/support/journeys';
import type { JourneyContext } from './context';
import { seedDemoWorkspace } from './workspace';

describe('workspace demo data', () => {
  let t: TestApp;
  let context: JourneyContext;

  before(async () => {
    t = await createTestApp();
    context = await journeyContext(t.app, { adminName: 'Robin Ellis' });
    // Only Glenns Ferry has a coach here.
    await makePerson(t.app, { role: 'coach', name: 'Dana Whitfield', coachedLibraryIds: [context.glennsFerry.id] });
    await seedDemoWorkspace(t.app.services, context);
  });
  after(() => t.close());

  it('finishes every phase for Glenns Ferry and Madison, and puts Ignacio in Plan', async () => {
    const { workspace } = t.app.services;
    for (const library of [context.glennsFerry, context.madison]) {
      const records = await workspace.phaseRecords(library.id);
      assert.equal(records.size, 6);
      assert.ok([...records.values()].every((r) => r.status === 'done'));
      assert.deepEqual(records.get('transform')?.checked, ['finish', 'opening', 'feedback']);
    }
    const ignacio = await workspace.phaseRecords(context.ignacio.id);
    assert.deepEqual(Object.fromEntries([...ignacio].map(([phase, r]) => [phase, r.status])), {
      discover: 'done',
      flex: 'done',
      ideate: 'done',
      plan: 'in_progress',
    });
  });

  it('adds comments from the coach, the lead and the admin, dated in the program, without mail', async () => {
    const { workspace, mail } = t.app.services;
    const flex = await workspace.listComments(context.glennsFerry.id, 'phase', 'flex');
    assert.equal(flex.length, 2);
    assert.equal(flex[0]?.authorName, 'Dana Whitfield');
    assert.ok(flex.every((c) => c.createdAt.startsWith('2017-')));
    assert.equal((await workspace.listComments(context.glennsFerry.id, 'phase', 'share'))[0]?.authorName, 'Robin Ellis');
    // Madison has no coach here, so its coach's comments are skipped.
    assert.equal((await workspace.listComments(context.madison.id, 'phase', 'discover')).length, 0);
    assert.equal((await workspace.listComments(context.ignacio.id, 'phase', 'plan')).length, 1);
    assert.equal((await mail.listOutbox(1)).total, 0);
  });
});
