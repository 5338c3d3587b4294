import { isContentType, type ContentType } from '../content/urls';
import { pageNumber } from '../../ui/pagination';

/** Longer queries are cut: no one types more, and the index uses 32 words at most. */
export const MAX_QUERY_LENGTH = 200;

/** Results per page. */
export const SEARCH_PAGE_SIZE = 10;

/** A visitor's search as read from the address. */
export interface SearchRequest {
  q: string;
  type: ContentType | undefined;
  tag: string | undefined;
  page: number;
}

const first = (value: unknown): string => {
  const one = Array.isArray(value) ? value[0] : value;
  return typeof one === 'string' ? one : '';
};

/**
 * Reads `q`, `type`, `tag` and `page` from a query string. Anything unknown
 * or malformed (an unknown type or tag, repeated or nested values) is ignored
 * rather than refused: a search page answers every address.
 */
export function readSearchRequest(query: unknown, tagSlugs: ReadonlySet<string>): SearchRequest {
  const raw = (query && typeof query === 'object' ? query : {}) as Record<string, unknown>;
  const type = first(raw.type);
  const tag = first(raw.tag);
  return {
    q: first(raw.q).trim().slice(0, MAX_QUERY_LENGTH),
    type: isContentType(type) ? type : undefined,
    tag: tagSlugs.has(tag) ? tag : undefined,
    page: pageNumber(first(raw.page)),
  };
}
