import { usePage } from './context';

export type { Page } from '../db/pagination';

/** Reads a 1-based page number from a query value, defaulting to 1. */
export function pageNumber(raw: unknown): number {
  const n = Number(raw);
  return Number.isInteger(n) && n >= 1 && n <= 100000 ? n : 1;
}

export interface PaginationProps {
  page: number;
  pages: number;
  /** Other query parameters to keep. */
  query?: Record<string, string | undefined>;
  /** The query parameter holding the page; another name lets two lists on one page page separately. */
  param?: string;
  /** Accessible name of the links, naming the list when a page has several. */
  label?: string;
}

/** Previous/next links that keep the other query parameters. */
export function Pagination({ page, pages, query = {}, param = 'page', label }: PaginationProps) {
  const { t, path } = usePage();
  if (pages <= 1) return null;
  const href = (p: number) => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(query)) if (v && k !== param) params.set(k, v);
    params.set(param, String(p));
    return `${path}?${params.toString()}`;
  };
  return (
    <nav class="pagination" aria-label={label ?? t('pagination.label')}>
      {page > 1 && (
        <a href={href(page - 1)} rel="prev">
          {t('pagination.previous')}
        </a>
      )}
      <span>{t('pagination.status', { page, pages })}</span>
      {page < pages && (
        <a href={href(page + 1)} rel="next">
          {t('pagination.next')}
        </a>
      )}
    </nav>
  );
}
