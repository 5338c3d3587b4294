import { Layout, PageHeading } from '../../../ui/layout';
import { usePage } from '../../../ui/context';
import { SummaryList } from '../../../ui/table';
import { formatDateTime } from '../../../i18n/format';
import type { OutboxItem } from './outbox-page';
import { href } from '../../../server/route-contract';
import { mailRoutes } from '../route-table';

/**
 * One kept message, shown as plain text only: its HTML part, if any, is
 * never rendered, so a message cannot run anything in an admin's browser.
 */
export function MessagePage({ message }: { message: OutboxItem & { text_body: string } }) {
  const { t, locale, timeZone } = usePage();
  return (
    <Layout title={message.subject}>
      <PageHeading title={message.subject} />
      <SummaryList
        items={[
          [t('mail.column.to'), message.to_address],
          [t('mail.column.date'), formatDateTime(message.created_at, locale, timeZone)],
        ]}
      />
      <h2>{t('mail.message.text')}</h2>
      <p class="hint">{t('mail.message.note')}</p>
      <pre class="mail">{message.text_body}</pre>
      <p>
        <a href={href(mailRoutes.outbox)}>{t('mail.message.back')}</a>
      </p>
    </Layout>
  );
}
