import { Layout, PageHeading } from '../../../ui/layout';
import { usePage } from '../../../ui/context';
import { Form, SubmitButton } from '../../../ui/forms';
import { formatDateTime } from '../../../i18n/format';
import type { MessageKey } from '../../../i18n';
import { IssueBody, type IssueContent } from './issue-content';
import { href } from '../../../server/route-contract';
import { newsletterRoutes } from '../route-table';

/** The same answer to every subscribe request, whether the address was new, known, or a bot's. */
export function CheckEmailPage() {
  const { t } = usePage();
  return (
    <Layout title={t('newsletter.check.title')}>
      <div class="narrow">
        <PageHeading title={t('newsletter.check.title')} lead={t('newsletter.check.lead')} />
        <p>{t('newsletter.check.body')}</p>
        <p>
          <a href="/">{t('newsletter.backHome')}</a>
        </p>
      </div>
    </Layout>
  );
}

/** Asks to confirm: a mail scanner that follows the link does not subscribe anyone. */
export function ConfirmPage({ token }: { token: string }) {
  const { t } = usePage();
  return (
    <Layout title={t('newsletter.confirm.title')}>
      <div class="narrow">
        <PageHeading title={t('newsletter.confirm.title')} lead={t('newsletter.confirm.lead')} />
        <Form action={href(newsletterRoutes.confirmed, { token })}>
          <SubmitButton>{t('newsletter.confirm.submit')}</SubmitButton>
        </Form>
      </div>
    </Layout>
  );
}

/** A confirmed subscription. */
export function ConfirmedPage() {
  const { t } = usePage();
  return (
    <Layout title={t('newsletter.confirmed.title')}>
      <div class="narrow">
        <PageHeading title={t('newsletter.confirmed.title')} lead={t('newsletter.confirmed.lead')} />
        <p>
          <a href={href(newsletterRoutes.newsletter)}>{t('newsletter.confirmed.archive')}</a>
        </p>
      </div>
    </Layout>
  );
}

export type ConfirmProblem = 'invalid' | 'expired' | 'used';

const problemCopy: Record<ConfirmProblem, MessageKey> = {
  invalid: 'newsletter.confirmProblem.invalid',
  expired: 'newsletter.confirmProblem.expired',
  used: 'newsletter.confirmProblem.used',
};

/** Why a confirmation link cannot be used, with the way to subscribe again. */
export function ConfirmProblemPage({ problem }: { problem: ConfirmProblem }) {
  const { t } = usePage();
  return (
    <Layout title={t('newsletter.confirmProblem.title')}>
      <div class="narrow">
        <PageHeading title={t('newsletter.confirmProblem.title')} lead={t(problemCopy[problem])} />
        <p>
          <a href={href(newsletterRoutes.newsletter)}>{t(problem === 'used' ? 'newsletter.confirmed.archive' : 'newsletter.confirmProblem.again')}</a>
        </p>
      </div>
    </Layout>
  );
}

/** Asks to confirm unsubscribing: following the link alone changes nothing. */
export function UnsubscribePage({ token, email, already }: { token: string; email: string; already: boolean }) {
  const { t } = usePage();
  if (already) return <UnsubscribedPage />;
  return (
    <Layout title={t('newsletter.unsubscribe.title')}>
      <div class="narrow">
        <PageHeading title={t('newsletter.unsubscribe.title')} lead={t('newsletter.unsubscribe.lead', { email })} />
        <Form action={href(newsletterRoutes.unsubscribed, { token })}>
          <SubmitButton>{t('newsletter.unsubscribe.submit')}</SubmitButton>
        </Form>
      </div>
    </Layout>
  );
}

/** Unsubscribed (now or before). */
export function UnsubscribedPage() {
  const { t } = usePage();
  return (
    <Layout title={t('newsletter.unsubscribed.title')}>
      <div class="narrow">
        <PageHeading title={t('newsletter.unsubscribed.title')} lead={t('newsletter.unsubscribed.lead')} />
        <p>
          <a href={href(newsletterRoutes.newsletter)}>{t('newsletter.unsubscribed.again')}</a>
        </p>
      </div>
    </Layout>
  );
}

/** A past issue, as readers of the site see it. */
export function ArchivePage({ issue }: { issue: IssueContent & { finishedAt: string } }) {
  const { t, locale, timeZone } = usePage();
  return (
    <Layout title={issue.subject} description={t('newsletter.public.lead')}>
      <IssueBody content={issue} t={t} publicUrl="" headingLevel={1} />
      <p class="hint">{t('newsletter.archive.sentOn', { date: formatDateTime(issue.finishedAt, locale, timeZone) })}</p>
      <p>
        <a href={href(newsletterRoutes.newsletter)}>{t('newsletter.archive.back')}</a>
      </p>
    </Layout>
  );
}
