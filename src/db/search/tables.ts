/**
 * The search index's tables. They are not part of the shared `DB` type: only
 * the search implementations touch them, through `db.withTables()`.
 */
export type SearchTables = {
  /** SQLite: an FTS5 virtual table; PostgreSQL: a table with a generated tsvector. */
  search_documents: {
    id: string;
    type: string;
    published_at: string;
    title: string;
    body: string;
  };
  /** One row per tag slug of a document, for the tag filter (plain table on both). */
  search_document_tags: {
    document_id: string;
    tag: string;
  };
};
