import { Layout, PageHeading } from '../../../ui/layout';
import { usePage } from '../../../ui/context';
import { SummaryList } from '../../../ui/table';
import { formatDateTime } from '../../../i18n/format';
import type { ContactMessage } from '../service';
import { href } from '../../../server/route-contract';
import { contactRoutes } from '../route-table';

/** A mailto: address that keeps the email intact and cannot add its own query. */
function mailto(email: string, subject: string): string {
  const address = email.split('@').map(encodeURIComponent).join('@');
  return `mailto:${address}?subject=${encodeURIComponent(subject)}`;
}

/** One contact message, as plain text, with a link to reply by email. */
export function MessagePage({ message }: { message: ContactMessage }) {
  const { t, locale, timeZone } = usePage();
  const subject = t('contact.message.replySubject', { site: t('site.name') });
  return (
    <Layout title={t('contact.message.title', { name: message.name })}>
      <PageHeading title={t('contact.message.title', { name: message.name })} />
      <SummaryList
        items={[
          [t('contact.message.from'), `${message.name} <${message.email}>`],
          [t('contact.message.received'), formatDateTime(message.createdAt, locale, timeZone)],
        ]}
      />
      <h2>{t('contact.message.text')}</h2>
      <pre class="mail">{message.message}</pre>
      <p class="actions">
        <a class="button button-primary" href={mailto(message.email, subject)}>
          {t('contact.message.reply')}
        </a>
        <a href={href(contactRoutes.messages)}>{t('contact.message.back')}</a>
      </p>
    </Layout>
  );
}
