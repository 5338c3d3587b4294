import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { SearchQuery } from './index';
import type { DB } from '../types';
import type { SearchTables } from './tables';

/**
 * The filters every search applies, written once for both databases:
 * published by `now`, and the optional type and tag.
 */
export function filters(query: Pick<SearchQuery, 'type' | 'tag'>, now: string): RawBuilder<unknown> {
  const parts = [sql`published_at <= ${now}`];
  if (query.type) parts.push(sql`type = ${query.type}`);
  if (query.tag) parts.push(sql`id in (select document_id from search_document_tags where tag = ${query.tag})`);
  return sql.join(parts, sql` and `);
}

/** Replaces a document's tag rows (inside the caller's transaction). */
export async function replaceTags(db: Kysely<DB & SearchTables>, documentId: string, tags: string[]): Promise<void> {
  await db.deleteFrom('search_document_tags').where('document_id', '=', documentId).execute();
  const unique = [...new Set(tags)];
  if (unique.length > 0) {
    await db
      .insertInto('search_document_tags')
      .values(unique.map((tag) => ({ document_id: documentId, tag })))
      .execute();
  }
}

/** Takes a document and its tags out of the index; the same on both databases. */
export async function removeDocument(db: Kysely<DB & SearchTables>, id: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('search_documents').where('id', '=', id).execute();
    await trx.deleteFrom('search_document_tags').where('document_id', '=', id).execute();
  });
}
