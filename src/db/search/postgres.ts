import { sql, type Kysely } from 'kysely';
import type { DB } from '../types';
import { nowIso } from '../ids';
import type { SearchIndex, SearchQuery } from './index';
import type { SearchTables } from './tables';
import { MATCH_END, MATCH_START, queryTerms, snippetHtml, withStandIns } from './text';
import { filters, removeDocument, replaceTags } from './shared';

/** ts_headline options: the markers, then about two dozen words of context. */
const HEADLINE_OPTIONS = `StartSel="${MATCH_START}", StopSel="${MATCH_END}", MinWords=12, MaxWords=30, MaxFragments=2, FragmentDelimiter=" … "`;

/**
 * Search on PostgreSQL: a stored, generated `tsvector` (title weighted A,
 * body D, `english` configuration) with a GIN index, ranked by ts_rank_cd.
 */
export function createPostgresSearchIndex(database: Kysely<DB>): SearchIndex {
  const db = database.withTables<SearchTables>();

  return {
    async upsert(doc) {
      const row = {
        type: doc.type,
        published_at: doc.publishedAt,
        title: withStandIns(doc.title),
        body: withStandIns(doc.text),
      };
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('search_documents')
          .values({ id: doc.id, ...row })
          .onConflict((oc) => oc.column('id').doUpdateSet(row))
          .execute();
        await replaceTags(trx, doc.id, doc.tags);
      });
    },

    remove: (id) => removeDocument(db, id),

    async query(query: SearchQuery) {
      const terms = queryTerms(query.text);
      if (terms.length === 0) return { total: 0, hits: [] };
      // plainto_tsquery treats the text as words joined by AND, with no
      // operators; the terms hold only letters and digits anyway.
      const tsquery = sql`plainto_tsquery('english', ${terms.join(' ')})`;
      const where = sql`document @@ ${tsquery} and ${filters(query, nowIso())}`;
      const counted = await sql<{ total: string }>`select count(*) as total from search_documents where ${where}`.execute(db);
      const total = Number(counted.rows[0]?.total ?? 0);
      if (total === 0 || query.offset >= total) return { total, hits: [] };
      // Headlines are costly: make them only for the page being shown.
      const { rows } = await sql<{ id: string; score: number; snippet: string }>`
        select id, score, ts_headline('english', body, ${tsquery}, ${HEADLINE_OPTIONS}) as snippet
        from (
          select id, body, published_at, ts_rank_cd(document, ${tsquery}) as score
          from search_documents
          where ${where}
          order by score desc, published_at desc, id
          limit ${query.limit} offset ${query.offset}
        ) as page
        order by score desc, published_at desc, id`.execute(db);
      return { total, hits: rows.map((row) => ({ id: row.id, score: Number(row.score), snippet: snippetHtml(row.snippet) })) };
    },
  };
}
