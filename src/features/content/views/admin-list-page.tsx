import { Layout, PageHeading } from '../../../ui/layout';
import { usePage } from '../../../ui/context';
import { Table } from '../../../ui/table';
import { Pagination, type Page } from '../../../ui/pagination';
import { Select, emptyForm } from '../../../ui/forms';
import { formatDateTime } from '../../../i18n/format';
import type { AdminSummary, ItemStatus } from '../service';
import { CONTENT_TYPES, type ContentType } from '../urls';
import { StatusText, typeLabel, typeName } from './parts';
import { href } from '../../../server/route-contract';
import { contentRoutes as paths } from '../route-table';

const STATUSES: ItemStatus[] = ['draft', 'scheduled', 'published'];

/** Every item for admins, filtered by type and status, with a way to write each type. */
export function AdminListPage({ result, filter }: { result: Page<AdminSummary>; filter: { type?: ContentType; status?: ItemStatus } }) {
  const { t, locale, timeZone } = usePage();
  const form = emptyForm({ type: filter.type ?? '', status: filter.status ?? '' });
  return (
    <Layout title={t('content.admin.title')}>
      <PageHeading title={t('content.admin.title')} lead={t('content.admin.lead')} />
      <h2>{t('content.admin.addHeading')}</h2>
      <ul class="actions">
        {CONTENT_TYPES.map((type) => (
          <li key={type}>
            <a class="button button-secondary" href={href(paths.new, {}, { type })}>
              {t('content.admin.add', { type: t(typeName(type)) })}
            </a>
          </li>
        ))}
        <li>
          <a href={href(paths.tags)}>{t('content.admin.tagsLink')}</a>
        </li>
      </ul>
      <form method="get" action={href(paths.admin)} class="filters" aria-label={t('content.filter.label')}>
        <Select
          form={form}
          name="type"
          label={t('content.filter.type')}
          emptyLabel={t('content.filter.any')}
          options={CONTENT_TYPES.map((type) => ({ value: type, label: t(typeLabel(type)) }))}
        />
        <Select
          form={form}
          name="status"
          label={t('content.filter.status')}
          emptyLabel={t('content.filter.any')}
          options={STATUSES.map((status) => ({ value: status, label: t(`content.filter.${status}`) }))}
        />
        <div class="field">
          <button type="submit" class="button button-secondary">
            {t('content.filter.apply')}
          </button>
        </div>
      </form>
      <Table
        caption={t('content.admin.caption')}
        rows={result.items}
        rowKey={(item) => item.id}
        empty={t('content.admin.empty')}
        columns={[
          { header: t('content.column.title'), cell: (item) => <a href={href(paths.edit, { item: item.id })}>{item.title}</a> },
          { header: t('content.column.type'), cell: (item) => t(typeLabel(item.type)) },
          { header: t('content.column.status'), cell: (item) => <StatusText status={item.status} publishedAt={item.publishedAt} /> },
          { header: t('content.column.updated'), cell: (item) => formatDateTime(item.updatedAt, locale, timeZone) },
        ]}
      />
      <Pagination page={result.page} pages={result.pages} query={{ type: filter.type, status: filter.status }} />
    </Layout>
  );
}
