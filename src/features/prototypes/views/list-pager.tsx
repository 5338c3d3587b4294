import { usePage } from '../../../ui/context';

interface ListPagerProps {
  /** The query parameter holding this list's page, so two lists on one page page separately. */
  param: string;
  page: number;
  pages: number;
  /** Accessible name of this pager, naming its list. */
  label: string;
  /** Other query parameters to keep. */
  query: Record<string, string | undefined>;
}

/** Previous/next links for one of several lists on a page. */
export function ListPager({ param, page, pages, label, query }: ListPagerProps) {
  const { t, path } = usePage();
  if (pages <= 1) return null;
  const href = (p: number) => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(query)) if (v && k !== param) params.set(k, v);
    params.set(param, String(p));
    return `${path}?${params.toString()}`;
  };
  return (
    <nav class="pagination" aria-label={label}>
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
