import { sql, type Kysely } from 'kysely';
import type { DB } from '../types';
import { nowIso } from '../ids';
import type { SearchIndex, SearchQuery } from './index';
import type { SearchTables } from './tables';
import { indexableText, MATCH_END, MATCH_START, queryTerms, snippetHtml } from './text';
import { filters, removeDocument, replaceTags } from './shared';

/** Tokens of context around the matches in a snippet. */
const SNIPPET_TOKENS = 24;

/**
 * Search on SQLite FTS5 (`porter unicode61` tokenizer), ranked by bm25 with
 * a title match worth ten body matches.
 */
export function createSqliteSearchIndex(database: Kysely<DB>): SearchIndex {
  const db = database.withTables<SearchTables>();

  return {
    async upsert(doc) {
      await db.transaction().execute(async (trx) => {
        // FTS5 tables have no unique constraint: replace the row by hand.
        await trx.deleteFrom('search_documents').where('id', '=', doc.id).execute();
        await trx
          .insertInto('search_documents')
          .values({
            id: doc.id,
            type: doc.type,
            published_at: doc.publishedAt,
            title: indexableText(doc.title),
            body: indexableText(doc.text),
          })
          .execute();
        await replaceTags(trx, doc.id, doc.tags);
      });
    },

    remove: (id) => removeDocument(db, id),

    async query(query: SearchQuery) {
      const terms = queryTerms(query.text);
      if (terms.length === 0) return { total: 0, hits: [] };
      // Each term is quoted, so FTS5 reads it as a plain word, never as an
      // operator or column filter; the terms only hold letters and digits.
      const match = terms.map((term) => `"${term}"`).join(' ');
      const where = sql`search_documents match ${match} and ${filters(query, nowIso())}`;
      const counted = await sql<{ total: number }>`select count(*) as total from search_documents where ${where}`.execute(db);
      const total = Number(counted.rows[0]?.total ?? 0);
      if (total === 0 || query.offset >= total) return { total, hits: [] };
      const { rows } = await sql<{ id: string; score: number; snippet: string }>`
        select id,
          -bm25(search_documents, 0, 0, 0, 10.0, 1.0) as score,
          snippet(search_documents, 4, ${MATCH_START}, ${MATCH_END}, '…', ${SNIPPET_TOKENS}) as snippet
        from search_documents
        where ${where}
        order by score desc, published_at desc, id
        limit ${query.limit} offset ${query.offset}`.execute(db);
      return { total, hits: rows.map((row) => ({ id: row.id, score: row.score, snippet: snippetHtml(row.snippet) })) };
    },
  };
}
