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
