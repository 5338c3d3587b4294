import { Layout, PageHeading } from '../../../ui/layout';
import { usePage } from '../../../ui/context';
import { SeoHead } from '../../../ui/seo';
import { Pagination, type Page } from '../../../ui/pagination';
import type { PublishedSummary, Tag } from '../service';
import { tagPath, typeListPath, type ContentType } from '../urls';
import { ItemList, listTitle, tagKindLabel } from './parts';

/** A page of published items, or the empty state. */
function Listing({ result }: { result: Page<PublishedSummary> }) {
  const { t } = usePage();
  if (result.items.length === 0) return <p class="empty">{t('content.list.empty')}</p>;
  return (
    <>
      <ItemList items={result.items} />
      <Pagination page={result.page} pages={result.pages} />
    </>
  );
}

/** The public list of one content type, newest first. */
export function TypeListPage({ type, result }: { type: ContentType; result: Page<PublishedSummary> }) {
  const { t } = usePage();
  const title = t(listTitle(type));
  return (
    <Layout title={title} head={<SeoHead title={title} description={title} path={typeListPath(type)} />}>
      <PageHeading title={title} />
      <Listing result={result} />
    </Layout>
  );
}

/** The public list of everything with one tag, newest first. */
export function TagPage({ tag, result }: { tag: Tag; result: Page<PublishedSummary> }) {
  const { t } = usePage();
  const lead = t('content.tag.lead', { kind: t(tagKindLabel(tag.kind)) });
  return (
    <Layout title={tag.name} description={lead} head={<SeoHead title={tag.name} description={lead} path={tagPath(tag.slug)} />}>
      <PageHeading title={tag.name} lead={lead} />
      <Listing result={result} />
    </Layout>
  );
}
