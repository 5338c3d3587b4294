import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from '../../../tests/support/app';
import { makeLibrary, makePerson } from '../../../tests/support/factories';
import type { JourneyContext, JourneyLibrary } from './context';
import { seedDemoWorkspace } from './workspace';

describe('workspace demo data', () => {
  let t: TestApp;
  let context: JourneyContext;

  /** A library with a lead and a member, as the demo has. */
  async function journeyLibrary(name: string, coachIds: string[] = []): Promise<JourneyLibrary> {
    const library = await makeLibrary(t.app, { name });
    const lead = await makePerson(t.app, { role: 'staff', libraryId: library.id, libraryRole: 'lead' });
    const member = await makePerson(t.app, { role: 'staff', libraryId: library.id });
    for (const coachId of coachIds) await t.app.services.libraries.setCoachedLibraries(coachId, [library.id]);
    return { id: library.id, slug: library.slug, name: library.name, timeZone: library.timeZone, leadId: lead.id, memberId: member.id };
  }

  before(async () => {
    t = await createTestApp();
    const coach = await makePerson(t.app, { role: 'coach', name: 'Dana Whitfield' });
    const admin = await makePerson(t.app, { role: 'admin', name: 'Robin Ellis' });
    context = {
      glennsFerry: await journeyLibrary('Glenns Ferry Public Library', [coach.id]),
      madison: await journeyLibrary('Madison Public Library'),
      ignacio: await journeyLibrary('Ignacio Community Library'),
      adminId: admin.id,
    };
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
