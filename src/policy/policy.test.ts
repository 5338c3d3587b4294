import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { abilities, can, canInvite, readsCohortModules, readsResultsAsTeam, visibleLibraryIds, type Actor } from './index';

const base: Omit<Actor, 'role' | 'memberships' | 'coachedLibraryIds'> = {
  id: 'u',
  email: 'u@example.org',
  name: 'U',
  locale: 'en',
  timeZone: 'UTC',
  sessionId: 's',
};
const admin: Actor = { ...base, role: 'admin', memberships: [], coachedLibraryIds: [] };
const coachOfA: Actor = { ...base, role: 'coach', memberships: [], coachedLibraryIds: ['A'] };
const leadOfA: Actor = { ...base, role: 'staff', memberships: [{ libraryId: 'A', role: 'lead' }], coachedLibraryIds: [] };
const memberOfA: Actor = { ...base, role: 'staff', memberships: [{ libraryId: 'A', role: 'member' }], coachedLibraryIds: [] };

describe('policy', () => {
  it('lets visitors only view the public site', () => {
    assert.equal(can(null, 'site.view'), true);
    assert.equal(can(null, 'account.use'), false);
    assert.equal(can(null, 'library.view', 'A'), false);
  });

  it('keeps program administration to admins', () => {
    for (const action of ['program.manage', 'people.manage', 'libraries.manage', 'outbox.read', 'jobs.manage'] as const) {
      assert.equal(can(admin, action), true, action);
      assert.equal(can(coachOfA, action), false, action);
      assert.equal(can(leadOfA, action), false, action);
    }
  });

  it('scopes library access to its team, its coaches and admins', () => {
    assert.equal(can(memberOfA, 'library.view', 'A'), true);
    assert.equal(can(memberOfA, 'library.view', 'B'), false);
    assert.equal(can(coachOfA, 'library.view', 'A'), true);
    assert.equal(can(coachOfA, 'library.view', 'B'), false);
    assert.equal(can(admin, 'library.view', 'B'), true);
  });

  it('lets only the lead (or an admin) invite to a library', () => {
    assert.equal(can(leadOfA, 'library.invite', 'A'), true);
    assert.equal(can(memberOfA, 'library.invite', 'A'), false);
    assert.equal(can(coachOfA, 'library.invite', 'A'), false);
    assert.equal(can(admin, 'library.invite', 'A'), true);
  });

  it('lets a lead invite only library staff, to their own library; an admin anyone', () => {
    assert.equal(canInvite(leadOfA, { role: 'staff', libraryId: 'A' }), true);
    assert.equal(canInvite(leadOfA, { role: 'staff', libraryId: 'B' }), false);
    assert.equal(canInvite(leadOfA, { role: 'staff' }), false);
    assert.equal(canInvite(leadOfA, { role: 'coach', libraryId: 'A' }), false);
    assert.equal(canInvite(leadOfA, { role: 'admin', libraryId: 'A' }), false);
    assert.equal(canInvite(memberOfA, { role: 'staff', libraryId: 'A' }), false);
    assert.equal(canInvite(coachOfA, { role: 'staff', libraryId: 'A' }), false);
    assert.equal(canInvite(admin, { role: 'admin' }), true);
    assert.equal(canInvite(null, { role: 'staff', libraryId: 'A' }), false);
  });

  it('lets only the team read survey results as the team, with filters', () => {
    assert.equal(readsResultsAsTeam(memberOfA, 'A'), true);
    assert.equal(readsResultsAsTeam(leadOfA, 'A'), true);
    assert.equal(readsResultsAsTeam(coachOfA, 'A'), false);
    assert.equal(readsResultsAsTeam(admin, 'A'), false);
    assert.equal(readsResultsAsTeam(memberOfA, 'B'), false);
  });

  it('answers every library action at once, as can does one by one', () => {
    for (const actor of [null, admin, coachOfA, leadOfA, memberOfA]) {
      for (const library of ['A', 'B']) {
        const answer = abilities(actor, library);
        assert.deepEqual(answer, {
          view: can(actor, 'library.view', library),
          invite: can(actor, 'library.invite', library),
          work: can(actor, 'library.work', library),
          comment: can(actor, 'library.comment', library),
          publish: can(actor, 'library.publish', library),
        });
      }
    }
    assert.deepEqual(abilities(memberOfA, 'A'), { view: true, invite: false, work: true, comment: true, publish: false });
  });

  it('lets admins, and the staff and coaches of a library in the cohort, read its modules', () => {
    const links = new Map([['A', 'c1']]);
    assert.equal(readsCohortModules(admin, 'c1', new Map()), true);
    assert.equal(readsCohortModules(memberOfA, 'c1', links), true);
    assert.equal(readsCohortModules(leadOfA, 'c1', links), true);
    assert.equal(readsCohortModules(coachOfA, 'c1', links), true);
    // Another cohort's modules, a library in no cohort, or a library the person is not linked to grant nothing.
    assert.equal(readsCohortModules(memberOfA, 'c2', links), false);
    assert.equal(readsCohortModules(memberOfA, 'c1', new Map([['A', null]])), false);
    assert.equal(readsCohortModules(memberOfA, 'c1', new Map([['B', 'c1']])), false);
    assert.equal(readsCohortModules(null, 'c1', links), false);
  });

  it('lists the libraries a person may open', () => {
    assert.equal(visibleLibraryIds(admin), 'all');
    assert.deepEqual(visibleLibraryIds(coachOfA), ['A']);
    assert.deepEqual(visibleLibraryIds(memberOfA), ['A']);
    assert.deepEqual(visibleLibraryIds(null), []);
  });
});
