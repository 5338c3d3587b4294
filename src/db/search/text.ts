/*
 * Text handling shared by both search implementations, so that a query
 * means the same on SQLite and PostgreSQL and a snippet is always safe HTML.
 */

/** Marks the start and end of a match inside a raw snippet (Unicode private use characters). */
export const MATCH_START = '\uE000';
export const MATCH_END = '\uE001';

/** At most this many terms of a query are used; the rest are ignored. */
const MAX_TERMS = 32;
/** Longer "words" are noise (pasted hashes, base64) and are ignored. */
const MAX_TERM_LENGTH = 64;

/**
 * PostgreSQL's English stop words (the `english` text search configuration).
 * PostgreSQL drops them from queries itself; the SQLite side drops the same
 * words so that both databases return the same results.
 */
const STOP_WORDS = new Set(
  (
    'i me my myself we our ours ourselves you your yours yourself yourselves he him his himself she her hers ' +
    'herself it its itself they them their theirs themselves what which who whom this that these those am is are ' +
    'was were be been being have has had having do does did doing a an the and but if or because as until while ' +
    'of at by for with about against between into through during before after above below to from up down in out ' +
    'on off over under again further then once here there when where why how all any both each few more most ' +
    'other some such no nor not only own same so than too very s t can will just don should now'
  ).split(' '),
);

/**
 * The words of a visitor's query: letters and digits only, lower-cased,
 * without stop words or duplicates. Quotes, operators and punctuation are
 * dropped, so no input can change the meaning of the database query; every
 * remaining word must match (AND).
 */
export function queryTerms(text: string): string[] {
  const terms = new Set<string>();
  for (const [word] of text.toLowerCase().matchAll(/[\p{L}\p{N}]+/gu)) {
    if (word.length > MAX_TERM_LENGTH || STOP_WORDS.has(word)) continue;
    terms.add(word);
    if (terms.size === MAX_TERMS) break;
  }
  return [...terms];
}

/**
 * Stand-ins for `<`, `>` and `&` (more private use characters). PostgreSQL's
 * text search parser reads `<…>` as an HTML tag and `&…;` as an entity and
 * leaves both out of vectors and headlines; the stand-ins keep plain text
 * plain, so `<script>` in a document is searchable and shown (escaped) as on
 * SQLite. `snippetHtml` turns them back.
 */
const STAND_INS: Record<string, string> = { '<': '\uE002', '>': '\uE003', '&': '\uE004' };
const ORIGINALS: Record<string, string> = { '\uE002': '<', '\uE003': '>', '\uE004': '&' };

/**
 * Text as stored in the index: without the private use characters used as
 * markers (so stored text can never fake a highlight) and without NUL
 * characters, which PostgreSQL refuses.
 */
export function indexableText(text: string): string {
  // NUL is written as a code: the linter refuses control characters inside regular expressions.
  return text.replace(/[\uE000-\uE004]/g, ' ').replaceAll(String.fromCharCode(0), ' ');
}

/** Indexable text with markup characters replaced by their stand-ins (PostgreSQL). */
export function withStandIns(text: string): string {
  return indexableText(text).replace(/[<>&]/g, (c) => STAND_INS[c]!);
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Turns a raw snippet with match markers into safe HTML: every character of
 * the text is escaped first, then balanced marker pairs become `<mark>`
 * elements. Stray markers are dropped.
 */
export function snippetHtml(raw: string): string {
  const escaped = raw.replace(/[\uE002-\uE004]/g, (c) => ORIGINALS[c]!).replace(/[&<>"']/g, (c) => ESCAPES[c]!);
  return escaped
    .replace(/\uE000([^\uE000\uE001]*)\uE001/g, (_, match: string) => (match ? `<mark>${match}</mark>` : ''))
    .replace(/[\uE000\uE001]/g, '');
}
