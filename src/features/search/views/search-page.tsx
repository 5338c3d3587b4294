import { Layout, PageHeading } from '../../../ui/layout';
import { usePage } from '../../../ui/context';
import { emptyForm, Select, SubmitButton } from '../../../ui/forms';
import { Pagination } from '../../../ui/pagination';
import { formatDate, formatNumber } from '../../../i18n/format';
import { pluralKey, type MessageKey } from '../../../i18n';
import { CONTENT_TYPES, typeListPath, type ContentType } from '../../content/urls';
import type { PublishedItem, Tag } from '../../content/service';
import { TagLinks } from '../../content/views/parts';
import { MAX_QUERY_LENGTH, SEARCH_PAGE_SIZE, type SearchRequest } from '../schema';
import { href } from '../../../server/route-contract';
import { searchRoutes } from '../route-table';

/** One found item with its excerpt: safe HTML, text escaped and matches in <mark>. */
export interface SearchResult {
  item: PublishedItem;
  snippet: string;
}

interface SearchPageProps {
  query: SearchRequest;
  tags: Tag[];
  /** Undefined when nothing was asked yet: the page shows just the form. */
  result: { results: SearchResult[]; total: number; page: number; pages: number } | undefined;
}

/** The label of a content type. */
export const typeLabel = (type: ContentType): MessageKey => `search.type.${type}`;

/** The search form, ranked results with highlighted excerpts, and help when nothing matches. */
export function SearchPage({ query, tags, result }: SearchPageProps) {
  const { t } = usePage();
  const title = query.q ? `${t('search.title')}: ${query.q}` : t('search.title');
  return (
    <Layout title={title} description={t('search.lead')}>
      <PageHeading title={t('search.title')} lead={t('search.lead')} />
      <SearchForm query={query} tags={tags} />
      {result && (result.total === 0 ? <NoResults query={query} tags={tags} /> : <Results query={query} {...result} />)}
    </Layout>
  );
}

function SearchForm({ query, tags }: { query: SearchRequest; tags: Tag[] }) {
  const { t } = usePage();
  const form = emptyForm({ type: query.type, tag: query.tag });
  return (
    <form method="get" action={href(searchRoutes.search)} role="search" class="filters" aria-label={t('search.form.label')}>
      <div class="field">
        <label for="field-q">{t('search.field.q')}</label>
        <input id="field-q" name="q" type="search" value={query.q} maxLength={MAX_QUERY_LENGTH} />
      </div>
      <Select
        form={form}
        name="type"
        label={t('search.field.type')}
        emptyLabel={t('search.anyType')}
        options={CONTENT_TYPES.map((type) => ({ value: type, label: t(typeLabel(type)) }))}
      />
      {tags.length > 0 && (
        <Select
          form={form}
          name="tag"
          label={t('search.field.tag')}
          emptyLabel={t('search.anyTag')}
          options={tags.map((tag) => ({ value: tag.slug, label: tag.name }))}
        />
      )}
      <div class="field">
        <SubmitButton>{t('search.submit')}</SubmitButton>
      </div>
    </form>
  );
}

function Results({ query, results, total, page, pages }: { query: SearchRequest; results: SearchResult[]; total: number; page: number; pages: number }) {
  const { t, locale } = usePage();
  const heading = t(pluralKey(locale, 'search.results', total), { count: formatNumber(total, locale), q: query.q });
  return (
    <section aria-labelledby="results-heading">
      <h2 id="results-heading">{heading}</h2>
      <ol start={(page - 1) * SEARCH_PAGE_SIZE + 1}>
        {results.map(({ item, snippet }) => (
          <li key={item.id}>
            <h3>
              <a href={item.path}>{item.title}</a>
            </h3>
            <p>
              <span class="tag">{t(typeLabel(item.type))}</span>{' '}
              <time dateTime={item.publishedAt}>{t('search.published', { date: formatDate(item.publishedAt.slice(0, 10), locale) })}</time>
              {item.library && <> · {item.library.name}</>}
            </p>
            {/* The only HTML here comes from the search index: every character escaped, matches wrapped in <mark>. */}
            {snippet ? <p dangerouslySetInnerHTML={{ __html: snippet }} /> : <p>{item.summary}</p>}
          </li>
        ))}
      </ol>
      <Pagination page={page} pages={pages} query={{ q: query.q, type: query.type, tag: query.tag }} />
    </section>
  );
}

function NoResults({ query, tags }: { query: SearchRequest; tags: Tag[] }) {
  const { t } = usePage();
  const filtered = !!(query.type || query.tag);
  return (
    <section class="empty" aria-labelledby="results-heading">
      <h2 id="results-heading">{t('search.empty.title', { q: query.q })}</h2>
      <p>{t('search.empty.spelling')}</p>
      {filtered && (
        <p>
          <a href={href(searchRoutes.search, {}, { q: query.q })}>{t('search.empty.filters')}</a>
        </p>
      )}
      <p>
        {t('search.empty.browse')} <a href={typeListPath('news')}>{t('search.empty.news')}</a> ·{' '}
        <a href={typeListPath('collection')}>{t('search.empty.resources')}</a>
      </p>
      {tags.length > 0 && (
        <>
          <p>{t('search.empty.tags')}</p>
          <TagLinks tags={tags} />
        </>
      )}
    </section>
  );
}
