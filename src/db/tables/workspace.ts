/** Tables of the workspace feature (see migration 0007-workspace). */
export interface WorkspaceTables {
  workspace_phases: WorkspacePhasesTable;
  workspace_comments: WorkspaceCommentsTable;
}

export type PhaseStatus = 'not_started' | 'in_progress' | 'done';

/** Where a library stands in one phase of the method. A missing row means not started. */
export interface WorkspacePhasesTable {
  library_id: string;
  /** One of PHASES in features/workspace/contracts.ts. */
  phase: string;
  status: PhaseStatus;
  /** JSON array of the keys of the manual checklist items staff ticked. */
  checked: string;
  updated_at: string;
  updated_by: string | null;
}

/** A comment on any workspace item, found by its subject type and id. */
export interface WorkspaceCommentsTable {
  id: string;
  library_id: string;
  /** One of SUBJECT_TYPES in features/workspace/contracts.ts. */
  subject_type: string;
  subject_id: string;
  /** Null once the author's account is deleted; the comment stays. */
  author_id: string | null;
  body: string;
  created_at: string;
}
