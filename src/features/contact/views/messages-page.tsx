import { Layout, PageHeading } from '../../../ui/layout';
import { usePage } from '../../../ui/context';
import { Table } from '../../../ui/table';
import { Pagination, type Page } from '../../../ui/pagination';
import { formatDateTime, formatNumber } from '../../../i18n/format';
import type { ContactMessage } from '../service';
import { href } from '../../../server/route-contract';
import { contactRoutes } from '../route-table';

const EXCERPT_LENGTH = 80;

/** The start of a message on one line. */
function excerpt(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > EXCERPT_LENGTH ? `${line.slice(0, EXCERPT_LENGTH - 1)}…` : line;
}

/** Contact messages, newest first, unread ones marked. */
export function MessagesPage({ result }: { result: Page<ContactMessage> & { unread: number } }) {
  const { t, locale, timeZone } = usePage();
  return (
    <Layout title={t('contact.admin.title')}>
      <PageHeading title={t('contact.admin.title')} lead={t('contact.admin.lead')} />
      <Table
        caption={t('contact.admin.caption', { total: formatNumber(result.total, locale), unread: formatNumber(result.unread, locale) })}
        rows={result.items}
        rowKey={(message) => message.id}
        empty={t('contact.admin.empty')}
        columns={[
          {
            header: t('contact.column.status'),
            cell: (message) =>
              message.readAt ? t('contact.status.read') : <strong class="tag">{t('contact.status.unread')}</strong>,
          },
          { header: t('contact.column.from'), cell: (message) => <a href={href(contactRoutes.message, { message: message.id })}>{message.name}</a> },
          { header: t('contact.column.excerpt'), cell: (message) => excerpt(message.message) },
          { header: t('contact.column.received'), cell: (message) => formatDateTime(message.createdAt, locale, timeZone) },
        ]}
      />
      <Pagination page={result.page} pages={result.pages} />
    </Layout>
  );
}
