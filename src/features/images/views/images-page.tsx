import { Layout, PageHeading } from '../../../ui/layout';
import { usePage } from '../../../ui/context';
import { Table } from '../../../ui/table';
import { Pagination, type Page } from '../../../ui/pagination';
import { formatDateTime, formatNumber } from '../../../i18n/format';
import type { ImageSummary } from '../service';
import { ImageCredit, Thumbnail } from './figure';
import { href } from '../../../server/route-contract';
import { imagesRoutes } from '../route-table';

/** The uploaded images, newest first, with thumbnails. */
export function ImagesPage({ result }: { result: Page<ImageSummary> }) {
  const { t, locale, timeZone } = usePage();
  return (
    <Layout title={t('images.list.title')}>
      <PageHeading title={t('images.list.title')} lead={t('images.list.lead')} />
      <p class="actions">
        <a class="button button-primary" href={href(imagesRoutes.new)}>
          {t('images.list.upload')}
        </a>
      </p>
      <Table
        caption={t('images.list.caption', { total: formatNumber(result.total, locale) })}
        rows={result.items}
        rowKey={(image) => image.id}
        empty={t('images.list.empty')}
        columns={[
          {
            header: t('images.column.image'),
            // The alt text is in the next column, so the thumbnail itself is decorative.
            cell: (image) => <Thumbnail image={image} />,
          },
          { header: t('images.column.alt'), cell: (image) => <a href={href(imagesRoutes.image, { image: image.id })}>{image.alt}</a> },
          { header: t('images.column.credit'), cell: (image) => <ImageCredit image={image} /> },
          { header: t('images.column.added'), cell: (image) => formatDateTime(image.createdAt, locale, timeZone) },
        ]}
      />
      <Pagination page={result.page} pages={result.pages} />
    </Layout>
  );
}
