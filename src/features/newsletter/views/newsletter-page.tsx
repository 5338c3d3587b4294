import { Layout, PageHeading } from '../../../ui/layout';
import { usePage } from '../../../ui/context';
import { Pagination, type Page } from '../../../ui/pagination';
import type { FormState } from '../../../ui/forms';
import { formatDateTime } from '../../../i18n/format';
import { SubscribeForm } from './subscribe-form';
import { href } from '../../../server/route-contract';
import { newsletterRoutes } from '../route-table';

export interface ArchivedIssue {
  id: string;
  subject: string;
  finished_at: string | null;
}

/** The public newsletter page: subscribe, and read past issues. */
export function NewsletterPage({ form, issues }: { form: FormState; issues: Page<ArchivedIssue> }) {
  const { t, locale, timeZone } = usePage();
  return (
    <Layout title={t('newsletter.public.title')} description={t('newsletter.public.lead')}>
      <PageHeading title={t('newsletter.public.title')} lead={t('newsletter.public.lead')} />
      <section class="narrow" aria-labelledby="subscribe-heading">
        <h2 id="subscribe-heading">{t('newsletter.subscribe.heading')}</h2>
        <p>{t('newsletter.subscribe.hint')}</p>
        <SubscribeForm form={form} headingId="subscribe-heading" />
      </section>
      <section aria-labelledby="archive-heading">
        <h2 id="archive-heading">{t('newsletter.archive.heading')}</h2>
        {issues.items.length === 0 ? (
          <p class="empty">{t('newsletter.archive.empty')}</p>
        ) : (
          <ul>
            {issues.items.map((issue) => (
              <li key={issue.id}>
                <a href={href(newsletterRoutes.archive, { issue: issue.id })}>{issue.subject}</a>
                {issue.finished_at && <> ({formatDateTime(issue.finished_at, locale, timeZone)})</>}
              </li>
            ))}
          </ul>
        )}
        <Pagination page={issues.page} pages={issues.pages} />
      </section>
    </Layout>
  );
}
