import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../search/dialect';

/*
 * The full-text search index. The one migration whose SQL differs by
 * dialect: SQLite keeps documents in an FTS5 virtual table, PostgreSQL in a
 * table with a generated tsvector column and a GIN index. The dialect is read
 * from `db` itself (see dialectOf). The tag table is the same on both.
 */

export async function up(db: Kysely<any>): Promise<void> {
  if (dialectOf(db) === 'postgres') {
    await sql`
      create table search_documents (
        id text primary key,
        type text not null,
        published_at text not null,
        title text not null,
        body text not null,
        document tsvector generated always as (
          setweight(to_tsvector('english'::regconfig, title), 'A') ||
          setweight(to_tsvector('english'::regconfig, body), 'D')
        ) stored
      )`.execute(db);
    await sql`create index search_documents_document on search_documents using gin (document)`.execute(db);
  } else {
    // Diacritics are kept (as PostgreSQL's english configuration does) so
    // both databases match the same words.
    await sql`
      create virtual table search_documents using fts5(
        id unindexed, type unindexed, published_at unindexed, title, body,
        tokenize = 'porter unicode61 remove_diacritics 0'
      )`.execute(db);
  }
  await db.schema
    .createTable('search_document_tags')
    .addColumn('document_id', 'text', (c) => c.notNull())
    .addColumn('tag', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('search_document_tags_pk', ['document_id', 'tag'])
    .execute();
  await db.schema.createIndex('search_document_tags_tag').on('search_document_tags').columns(['tag', 'document_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('search_document_tags').execute();
  await db.schema.dropTable('search_documents').execute();
}
