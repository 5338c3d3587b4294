import type { Database } from '../connection';
import { createPostgresSearchIndex } from './postgres';
import { createSqliteSearchIndex } from './sqlite';

/** What the search index knows of one published item. */
export interface SearchDocument {
  id: string;
  type: string;
  title: string;
  /** Plain text (summary and body, Markdown removed). */
  text: string;
  /** Tag slugs. */
  tags: string[];
  /** ISO time; items scheduled for later are indexed but not found before it. */
  publishedAt: string;
}

export interface SearchQuery {
  text: string;
  type?: string;
  tag?: string;
  limit: number;
  offset: number;
}

export interface SearchHit {
  id: string;
  /** Higher is better; only comparable within one query. */
  score: number;
  /** A short excerpt around the matches as safe HTML: text escaped, matches in <mark>. */
  snippet: string;
}

/** Full-text search over published content: SQLite FTS5 or PostgreSQL tsvector, one contract. */
export interface SearchIndex {
  upsert(doc: SearchDocument): Promise<void>;
  remove(id: string): Promise<void>;
  query(query: SearchQuery): Promise<{ total: number; hits: SearchHit[] }>;
}

/** The search index for this database's dialect: FTS5 on SQLite, tsvector on PostgreSQL. */
export function createSearchIndex(database: Database): SearchIndex {
  return database.dialect === 'postgres' ? createPostgresSearchIndex(database.db) : createSqliteSearchIndex(database.db);
}
