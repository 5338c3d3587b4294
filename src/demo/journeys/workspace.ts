import type { Services } from '../../server/services';
import { PHASES, type Phase } from '../../features/workspace/contracts';
import { manualKeys, type PhaseStatus } from '../../features/workspace/journey';
import type { JourneyContext, JourneyLibrary } from './context';

/** Who wrote a demo comment: the library's coach, its lead, or the program admin. */
type Voice = 'coach' | 'lead' | 'admin';

interface DemoComment {
  phase: Phase;
  voice: Voice;
  at: string;
  body: string;
}

const GLENNS_FERRY_COMMENTS: DemoComment[] = [
  {
    phase: 'flex',
    voice: 'coach',
    at: '2017-02-09T17:30:00.000Z',
    body: 'Emptying the old VHS storage room is the hardest part of the whole makerspace, and you have done it. Did weeding the tapes also free shelf space out front?',
  },
  {
    phase: 'flex',
    voice: 'lead',
    at: '2017-02-13T16:05:00.000Z',
    body: 'It did. With the tapes gone, the room has space for worktables and storage for the maker kits.',
  },
  {
    phase: 'share',
    voice: 'admin',
    at: '2018-05-22T15:00:00.000Z',
    body: 'Thank you for the before and after photos of the storage room. The makerspace story is a great example for the next cohort.',
  },
];

const MADISON_COMMENTS: DemoComment[] = [
  {
    phase: 'discover',
    voice: 'coach',
    at: '2016-11-03T19:15:00.000Z',
    body: 'Wish Trees at nine sites around town reach people who never come in. Tag each wish with the site it came from, so you can compare them later.',
  },
  {
    phase: 'ideate',
    voice: 'coach',
    at: '2017-04-18T18:40:00.000Z',
    body: 'Taping the floor to test the shelving moves is a cheap and honest prototype.\n\nAsk a few patrons to walk the new paths and note where they hesitate.',
  },
];

const IGNACIO_COMMENTS: DemoComment[] = [
  {
    phase: 'ideate',
    voice: 'coach',
    at: '2017-05-11T20:00:00.000Z',
    body: 'The foam-board models of the media lab make the layout easy to talk about. Try them with the teens who will use the lab before you decide.',
  },
  {
    phase: 'plan',
    voice: 'admin',
    at: '2017-09-06T16:20:00.000Z',
    body: 'As you finish the plan, check each equipment line against the subgrant’s spending categories before ordering.',
  },
];

/** Sets each phase's status, with every manual item ticked in the phases that are done. */
async function seedPhases(services: Services, library: JourneyLibrary, statuses: Partial<Record<Phase, PhaseStatus>>) {
  for (const phase of PHASES) {
    const status = statuses[phase];
    if (!status) continue;
    const checked = status === 'done' ? manualKeys(phase) : [];
    await services.workspace.updatePhase(library.id, phase, { status, checked }, library.leadId);
  }
}

/** Adds a library's demo comments without emailing anyone; a coach's lines are skipped when it has none. */
async function seedComments(services: Services, library: JourneyLibrary, adminId: string, comments: DemoComment[]) {
  const { coachIds } = await services.libraries.team(library.id);
  const authorIds: Record<Voice, string | undefined> = { coach: coachIds[0], lead: library.leadId, admin: adminId };
  const people = new Map((await services.accounts.peopleByIds(Object.values(authorIds).filter((id) => id !== undefined))).map((p) => [p.id, p]));
  for (const comment of comments) {
    const author = people.get(authorIds[comment.voice] ?? '');
    if (!author) continue;
    await services.workspace.addComment(library, author, 'phase', comment.phase, comment.body, { notify: false, createdAt: comment.at });
  }
}

/**
 * Demo data for the journey: Glenns Ferry and Madison have finished all six
 * phases; Ignacio is planning its media lab after the foam-board prototypes.
 * Coaches and the admin have left a few comments along the way.
 */
export async function seedDemoWorkspace(services: Services, context: JourneyContext): Promise<void> {
  const allDone = Object.fromEntries(PHASES.map((phase) => [phase, 'done'])) as Record<Phase, PhaseStatus>;
  await seedPhases(services, context.glennsFerry, allDone);
  await seedPhases(services, context.madison, allDone);
  await seedPhases(services, context.ignacio, { discover: 'done', flex: 'done', ideate: 'done', plan: 'in_progress' });
  await seedComments(services, context.glennsFerry, context.adminId, GLENNS_FERRY_COMMENTS);
  await seedComments(services, context.madison, context.adminId, MADISON_COMMENTS);
  await seedComments(services, context.ignacio, context.adminId, IGNACIO_COMMENTS);
}
