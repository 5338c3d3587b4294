import type { RequestLibrary } from '../../server/types';

/** The library a workspace page belongs to, as the access check loaded it. */
export type WorkspaceLibrary = RequestLibrary;

/** The six phases of the method, in order. */
export const PHASES = ['discover', 'flex', 'ideate', 'plan', 'transform', 'share'] as const;
export type Phase = (typeof PHASES)[number];

/** Kinds of workspace item that carry a comment thread. */
export const SUBJECT_TYPES = [
  'phase',
  'activity',
  'insight',
  'survey',
  'idea',
  'prototype',
  'goal',
  'task',
  'milestone',
  'budget',
  'photo',
  'postcard',
  'story',
] as const;
export type SubjectType = (typeof SUBJECT_TYPES)[number];

/** A workspace item as a comment thread names it. */
export interface Subject {
  title: string;
  /** The item's page, e.g. `/libraries/madison/discover/activities/<id>`. */
  path: string;
}

/**
 * Finds an item of one library for a comment: undefined when there is no such
 * item in that library, so ids from another library are refused.
 */
export type SubjectResolver = (library: WorkspaceLibrary, id: string) => Promise<Subject | undefined>;

/** Checklist items of the journey that are done when another part of the workspace holds the evidence. */
export const EVIDENCE_KEYS = [
  'activity',
  'insights',
  'survey',
  'beforePhotos',
  'prototype',
  'decide',
  'goals',
  'budget',
  'afterPhotos',
  'events',
  'postcard',
  'story',
] as const;
export type EvidenceKey = (typeof EVIDENCE_KEYS)[number];

/**
 * What a part of the workspace holds for one checklist item of a library's
 * journey: whether the item is done, and how much evidence there is (shown
 * next to the item). The part that holds the records decides what counts.
 */
export interface EvidenceContribution {
  item: EvidenceKey;
  done: boolean;
  n: number;
}

/**
 * Reports, for one library, the checklist items a part of the workspace
 * holds the evidence for. Each item is reported by exactly one part.
 */
export type EvidenceSource = (libraryId: string) => Promise<EvidenceContribution[]>;
