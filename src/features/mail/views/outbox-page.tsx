import { Layout, PageHeading } from '../../../ui/layout';
import { usePage } from '../../../ui/context';
import { Table } from '../../../ui/table';
import { Pagination, type Page } from '../../../ui/pagination';
import { formatDateTime } from '../../../i18n/format';
import { href } from '../../../server/route-contract';
import { mailRoutes } from '../route-table';

export interface OutboxItem {
  id: string;
  to_address: string;
  subject: string;
  created_at: string;
}

/** The messages kept in the outbox, newest first. */
export function OutboxPage({ result, delivers }: { result: Page<OutboxItem>; delivers: boolean }) {
  const { t, locale, timeZone } = usePage();
  return (
    <Layout title={t('mail.outbox.title')}>
      <PageHeading title={t('mail.outbox.title')} lead={t(delivers ? 'mail.outbox.delivers' : 'mail.outbox.kept')} />
      <Table
        caption={t('mail.outbox.caption', { total: result.total })}
        rows={result.items}
        rowKey={(message) => message.id}
        empty={t('mail.outbox.empty')}
        columns={[
          { header: t('mail.column.to'), cell: (message) => message.to_address },
          { header: t('mail.column.subject'), cell: (message) => <a href={href(mailRoutes.message, { message: message.id })}>{message.subject}</a> },
          { header: t('mail.column.date'), cell: (message) => formatDateTime(message.created_at, locale, timeZone) },
        ]}
      />
      <Pagination page={result.page} pages={result.pages} />
    </Layout>
  );
}
