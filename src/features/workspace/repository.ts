import type { Kysely } from 'kysely';
import type { DB } from '../../db/types';
import type { WorkspaceCommentsTable, WorkspacePhasesTable } from '../../db/tables/workspace';

export type PhaseRow = WorkspacePhasesTable;
export type CommentRow = WorkspaceCommentsTable;

/** Queries for phase statuses and comment threads. */
export function createWorkspaceRepository(db: Kysely<DB>) {
  return {
    phasesOf: (libraryId: string) => db.selectFrom('workspace_phases').selectAll().where('library_id', '=', libraryId).execute(),

    /** Inserts the phase's row or replaces its status and ticks. */
    savePhase: (row: PhaseRow) =>
      db
        .insertInto('workspace_phases')
        .values(row)
        .onConflict((oc) =>
          oc.columns(['library_id', 'phase']).doUpdateSet({
            status: row.status,
            checked: row.checked,
            updated_at: row.updated_at,
            updated_by: row.updated_by,
          }),
        )
        .execute(),

    insertComment: (row: CommentRow) => db.insertInto('workspace_comments').values(row).execute(),

    /** One item's thread with its authors' names, oldest first. */
    commentsOn: (libraryId: string, subjectType: string, subjectId: string) =>
      db
        .selectFrom('workspace_comments as c')
        .leftJoin('users as u', 'u.id', 'c.author_id')
        .select(['c.id', 'c.author_id', 'c.body', 'c.created_at', 'u.name as author_name'])
        .where('c.library_id', '=', libraryId)
        .where('c.subject_type', '=', subjectType)
        .where('c.subject_id', '=', subjectId)
        .orderBy('c.created_at')
        .orderBy('c.id')
        .execute(),
  };
}
