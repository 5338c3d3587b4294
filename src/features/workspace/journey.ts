import type { MessageKey } from '../../i18n';
import type { PhaseStatus } from '../../db/tables/workspace';
import type { DiscoverService } from '../discover/service';
import type { SurveysService } from '../surveys/service';
import type { PrototypesService } from '../prototypes/service';
import type { PlanService } from '../plan/service';
import type { PhotosService } from '../photos/service';
import type { ShareService } from '../share/service';
import { PHASES, type Phase } from './contracts';
import type { WorkspaceSection } from '../../ui/workspace/layout';

export type { PhaseStatus };
/** A phase's statuses, in the order a library moves through them. */
export const PHASE_STATUSES: readonly PhaseStatus[] = ['not_started', 'in_progress', 'done'];

type Counts<S extends { counts(libraryId: string): Promise<unknown> }> = Awaited<ReturnType<S['counts']>>;

/** What the other parts of the workspace hold for one library: the evidence the checklists read. */
export interface JourneyEvidence {
  discover: Counts<DiscoverService>;
  surveys: Counts<SurveysService>;
  prototypes: Counts<PrototypesService>;
  plan: Counts<PlanService>;
  photos: Counts<PhotosService>;
  share: Counts<ShareService>;
}

/** Items staff tick themselves: work no other part of the workspace records. */
export type ManualKey = 'weed' | 'layout' | 'area' | 'finish' | 'opening' | 'feedback';
/** Items done when another part of the workspace holds the evidence. */
export type EvidenceKey =
  | 'activity'
  | 'insights'
  | 'survey'
  | 'beforePhotos'
  | 'prototype'
  | 'decide'
  | 'goals'
  | 'budget'
  | 'afterPhotos'
  | 'postcard'
  | 'story';

/** A checklist item ticked by staff. */
interface ManualItem {
  key: ManualKey;
}

/** How much evidence an item has, as a number for a message. */
export interface EvidenceCount {
  key: MessageKey;
  n: number;
}

/** A checklist item that is done when another part of the workspace holds the evidence. */
interface EvidenceItem {
  key: EvidenceKey;
  section: WorkspaceSection;
  done: (e: JourneyEvidence) => boolean;
  /** How much evidence there is, shown next to the item. */
  count: (e: JourneyEvidence) => EvidenceCount;
}

interface PhaseDefinition {
  evidence: EvidenceItem[];
  manual: ManualItem[];
}

/** Each phase's checklist: evidence from the other parts first, then what staff tick themselves. */
const DEFINITIONS: Record<Phase, PhaseDefinition> = {
  discover: {
    evidence: [
      {
        key: 'activity',
        section: 'discover',
        done: (e) => e.discover.activities > 0,
        count: (e) => ({ key: 'workspace.count.activities', n: e.discover.activities }),
      },
      {
        key: 'insights',
        section: 'discover',
        done: (e) => e.discover.insights > 0,
        count: (e) => ({ key: 'workspace.count.insights', n: e.discover.insights }),
      },
      {
        // A survey counts once patrons have answered it, whether it is still open or closed.
        key: 'survey',
        section: 'surveys',
        done: (e) => e.surveys.responses > 0,
        count: (e) => ({ key: 'workspace.count.responses', n: e.surveys.responses }),
      },
    ],
    manual: [],
  },
  flex: {
    evidence: [
      {
        key: 'beforePhotos',
        section: 'photos',
        done: (e) => e.photos.before > 0,
        count: (e) => ({ key: 'workspace.count.photos', n: e.photos.before }),
      },
    ],
    manual: [{ key: 'weed' }, { key: 'layout' }, { key: 'area' }],
  },
  ideate: {
    evidence: [
      {
        key: 'prototype',
        section: 'ideate',
        done: (e) => e.prototypes.tested > 0,
        count: (e) => ({ key: 'workspace.count.tested', n: e.prototypes.tested }),
      },
      {
        key: 'decide',
        section: 'ideate',
        done: (e) => e.prototypes.prototypes > 0 && e.prototypes.decided >= e.prototypes.prototypes,
        count: (e) => ({ key: 'workspace.count.decided', n: e.prototypes.decided }),
      },
    ],
    manual: [],
  },
  plan: {
    evidence: [
      {
        key: 'goals',
        section: 'plan',
        done: (e) => e.plan.goals > 0 && e.plan.tasks > 0,
        count: (e) => ({ key: 'workspace.count.tasks', n: e.plan.tasks }),
      },
      {
        key: 'budget',
        section: 'plan',
        done: (e) => e.plan.budgetLines > 0,
        count: (e) => ({ key: 'workspace.count.budget', n: e.plan.budgetLines }),
      },
    ],
    manual: [],
  },
  transform: {
    evidence: [
      {
        key: 'afterPhotos',
        section: 'photos',
        done: (e) => e.photos.after > 0,
        count: (e) => ({ key: 'workspace.count.photos', n: e.photos.after }),
      },
    ],
    manual: [{ key: 'finish' }, { key: 'opening' }, { key: 'feedback' }],
  },
  share: {
    evidence: [
      {
        key: 'postcard',
        section: 'share',
        done: (e) => e.share.postcards > 0,
        count: (e) => ({ key: 'workspace.count.postcards', n: e.share.postcards }),
      },
      {
        key: 'story',
        section: 'share',
        done: (e) => e.share.story === 'published',
        count: (e) => ({ key: 'workspace.count.story', n: e.share.story === 'published' ? 1 : 0 }),
      },
    ],
    manual: [],
  },
};

/** One line of a phase's checklist, ready to show. */
export type ChecklistItem =
  | { kind: 'evidence'; key: EvidenceKey; done: boolean; section: WorkspaceSection; count: EvidenceCount }
  | { kind: 'manual'; key: ManualKey; done: boolean };

/** A phase as a library stands in it. */
export interface PhaseState {
  phase: Phase;
  status: PhaseStatus;
  checklist: ChecklistItem[];
  updatedAt: string | null;
}

/** What the library should do next: an item of the first phase not done, or marking that phase done. */
export interface NextStep {
  phase: Phase;
  /** Undefined when every item is checked but the phase is not yet marked done. */
  item: ChecklistItem | undefined;
}

export interface Journey {
  phases: PhaseState[];
  /** Undefined once every phase is done. */
  next: NextStep | undefined;
}

/** What is stored for one phase; absent phases are not started. */
export interface PhaseRecord {
  status: PhaseStatus;
  checked: string[];
  updatedAt: string;
}

/** True for the name of one of the six phases. */
export function isPhase(value: unknown): value is Phase {
  return typeof value === 'string' && (PHASES as readonly string[]).includes(value);
}

/** True for a stored phase status. */
export function isPhaseStatus(value: unknown): value is PhaseStatus {
  return typeof value === 'string' && (PHASE_STATUSES as readonly string[]).includes(value);
}

/** The keys of the items staff tick themselves in a phase. */
export function manualKeys(phase: Phase): ManualKey[] {
  return DEFINITIONS[phase].manual.map((item) => item.key);
}

/** The journey of a library: each phase's status and checklist, and the next step. */
export function buildJourney(records: ReadonlyMap<Phase, PhaseRecord>, evidence: JourneyEvidence): Journey {
  const phases = PHASES.map((phase): PhaseState => {
    const record = records.get(phase);
    const { evidence: auto, manual } = DEFINITIONS[phase];
    const checked = new Set<string>(record?.checked ?? []);
    const checklist: ChecklistItem[] = [
      ...auto.map((item): ChecklistItem => ({
        kind: 'evidence',
        key: item.key,
        done: item.done(evidence),
        section: item.section,
        count: item.count(evidence),
      })),
      ...manual.map((item): ChecklistItem => ({ kind: 'manual', key: item.key, done: checked.has(item.key) })),
    ];
    return { phase, status: record?.status ?? 'not_started', checklist, updatedAt: record?.updatedAt ?? null };
  });
  const current = phases.find((p) => p.status !== 'done');
  const next = current && { phase: current.phase, item: current.checklist.find((item) => !item.done) };
  return { phases, next };
}
