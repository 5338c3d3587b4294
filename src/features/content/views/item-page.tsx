import { Layout, PageHeading } from '../../../ui/layout';
import { usePage } from '../../../ui/context';
import { SeoHead } from '../../../ui/seo';
import { formatDateTime } from '../../../i18n/format';
import { variantUrl } from '../../images/views/figure';
import type { ImageInfo } from '../../images/service';
import type { ItemStatus, PublishedItem } from '../service';
import type { ContentType } from '../urls';
import { ItemArticle } from './parts';

/** The schema.org type each content type is described as. */
const SCHEMA_TYPES: Record<ContentType, string> = {
  news: 'NewsArticle',
  story: 'Article',
  postcard: 'Article',
  collection: 'CreativeWork',
  curriculum: 'CreativeWork',
  page: 'WebPage',
};

/** Link previews and search-engine data for an item. */
function ItemHead({ item, image }: { item: PublishedItem; image: ImageInfo | undefined }) {
  const { t } = usePage();
  const imagePath = image && variantUrl(image.id, image.widths[image.widths.length - 1] ?? image.width, 'jpg');
  return (
    <SeoHead
      title={item.title}
      description={item.summary}
      path={item.path}
      image={imagePath}
      type={item.type === 'page' ? 'website' : 'article'}
      jsonLd={{
        '@type': SCHEMA_TYPES[item.type],
        headline: item.title,
        name: item.title,
        description: item.summary,
        datePublished: item.publishedAt,
        dateModified: item.updatedAt,
        ...(item.tags.length ? { keywords: item.tags.map((tag) => tag.name).join(', ') } : {}),
        ...(item.library ? { contributor: { '@type': 'Library', name: item.library.name } } : {}),
        publisher: { '@type': 'Organization', name: t('site.name') },
      }}
    />
  );
}

/** The public page of a published item. */
export function ItemPage({ item, image }: { item: PublishedItem; image: ImageInfo | undefined }) {
  return (
    <Layout title={item.title} description={item.summary} head={<ItemHead item={item} image={image} />}>
      <PageHeading title={item.title} />
      <ItemArticle item={item} image={image} />
    </Layout>
  );
}

/** An admin's preview of an item in any state, marked as such and never indexed. */
export function PreviewPage({ item, image, status, editPath }: { item: PublishedItem; image: ImageInfo | undefined; status: ItemStatus; editPath: string }) {
  const { t, locale, timeZone } = usePage();
  const note =
    status === 'draft'
      ? t('content.preview.draft')
      : status === 'scheduled'
        ? t('content.preview.scheduled', { date: formatDateTime(item.publishedAt, locale, timeZone) })
        : undefined;
  return (
    <Layout title={item.title} head={<meta name="robots" content="noindex" />}>
      {note && (
        <p class="flash flash-info" role="note">
          {note} <a href={editPath}>{t('content.preview.edit')}</a>
        </p>
      )}
      <PageHeading title={item.title} />
      <ItemArticle item={item} image={image} />
    </Layout>
  );
}
