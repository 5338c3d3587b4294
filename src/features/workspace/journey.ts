import type { MessageKey } from '../../i18n';
import type { PhaseStatus } from '../../db/tables/workspace';
import type { WorkspaceSection } from '../../ui/workspace/layout';
import { PHASES, type EvidenceContribution, type EvidenceKey, type Phase } from './contracts';

export type { PhaseStatus };
/** A phase's statuses, in the order a library moves through them. */
export const PHASE_STATUSES: readonly PhaseStatus[] = ['not_started', 'in_progress', 'done'];

/**
 * What the other parts of the workspace hold for one library: the evidence the
 * checklists read, one contribution per item, as each part reports it.
 */
export type JourneyEvidence = readonly EvidenceContribution[];

/** Items staff tick themselves: work no other part of the workspace records. */
export type ManualKey = 'weed' | 'layout' | 'area' | 'finish' | 'opening' | 'feedback';

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
  /** Where the evidence is recorded; the item links there. */
  section: WorkspaceSection;
  /** The message that counts the evidence, shown next to the item. */
  count: MessageKey;
}

interface PhaseDefinition {
  evidence: EvidenceItem[];
  manual: ManualItem[];
}

/**
 * Each phase's checklist: evidence from the other parts first, then what staff
 * tick themselves. Whether an evidence item is done is reported by the part
 * that holds its records (see EvidenceSource).
 */
const DEFINITIONS: Record<Phase, PhaseDefinition> = {
  discover: {
    evidence: [
      { key: 'activity', section: 'discover', count: 'workspace.count.activities' },
      { key: 'insights', section: 'discover', count: 'workspace.count.insights' },
      { key: 'survey', section: 'surveys', count: 'workspace.count.responses' },
    ],
    manual: [],
  },
  flex: {
    evidence: [{ key: 'beforePhotos', section: 'photos', count: 'workspace.count.photos' }],
    manual: [{ key: 'weed' }, { key: 'layout' }, { key: 'area' }],
  },
  ideate: {
    evidence: [
      { key: 'prototype', section: 'ideate', count: 'workspace.count.tested' },
      { key: 'decide', section: 'ideate', count: 'workspace.count.decided' },
    ],
    manual: [],
  },
  plan: {
    evidence: [
      { key: 'goals', section: 'plan', count: 'workspace.count.tasks' },
      { key: 'budget', section: 'plan', count: 'workspace.count.budget' },
    ],
    manual: [],
  },
  transform: {
    evidence: [
      { key: 'afterPhotos', section: 'photos', count: 'workspace.count.photos' },
      { key: 'events', section: 'events', count: 'events.count.reached' },
    ],
    manual: [{ key: 'finish' }, { key: 'opening' }, { key: 'feedback' }],
  },
  share: {
    evidence: [
      { key: 'postcard', section: 'share', count: 'workspace.count.postcards' },
      { key: 'story', section: 'share', count: 'workspace.count.story' },
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

/**
 * The journey of a library: each phase's status and checklist, and the next
 * step. An item no part has reported on is not done, with nothing counted.
 */
export function buildJourney(records: ReadonlyMap<Phase, PhaseRecord>, evidence: JourneyEvidence): Journey {
  const reported = new Map(evidence.map((contribution) => [contribution.item, contribution]));
  const phases = PHASES.map((phase): PhaseState => {
    const record = records.get(phase);
    const { evidence: auto, manual } = DEFINITIONS[phase];
    const checked = new Set<string>(record?.checked ?? []);
    const checklist: ChecklistItem[] = [
      ...auto.map((item): ChecklistItem => {
        const contribution = reported.get(item.key);
        return {
          kind: 'evidence',
          key: item.key,
          done: contribution?.done ?? false,
          section: item.section,
          count: { key: item.count, n: contribution?.n ?? 0 },
        };
      }),
      ...manual.map((item): ChecklistItem => ({ kind: 'manual', key: item.key, done: checked.has(item.key) })),
    ];
    return { phase, status: record?.status ?? 'not_started', checklist, updatedAt: record?.updatedAt ?? null };
  });
  const current = phases.find((p) => p.status !== 'done');
  const next = current && { phase: current.phase, item: current.checklist.find((item) => !item.done) };
  return { phases, next };
}
