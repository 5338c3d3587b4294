import { Layout, PageHeading } from '../../../ui/layout';
import { usePage } from '../../../ui/context';
import { Table, SummaryList } from '../../../ui/table';
import { Pagination, type Page } from '../../../ui/pagination';
import { Checkboxes, ErrorSummary, Form, Select, SubmitButton, TextArea, TextField, type FormState } from '../../../ui/forms';
import { formatDateTime, formatNumber } from '../../../i18n/format';
import type { MessageKey } from '../../../i18n';
import type { DeliveryStatus, IssueStatus, SubscriberStatus } from '../../../db/tables/newsletter';
import type { IssueSummary } from '../service';
import { IssueBody, type IssueContent, type IssueItem } from './issue-content';
import { href } from '../../../server/route-contract';
import { newsletterRoutes } from '../route-table';

const issueStatus: Record<IssueStatus, MessageKey> = {
  draft: 'newsletter.issueStatus.draft',
  sending: 'newsletter.issueStatus.sending',
  sent: 'newsletter.issueStatus.sent',
};

const deliveryStatus: Record<DeliveryStatus, MessageKey> = {
  pending: 'newsletter.deliveryStatus.pending',
  claimed: 'newsletter.deliveryStatus.claimed',
  sent: 'newsletter.deliveryStatus.sent',
  failed: 'newsletter.deliveryStatus.failed',
};

export const subscriberStatus: Record<SubscriberStatus, MessageKey> = {
  pending: 'newsletter.subscriberStatus.pending',
  confirmed: 'newsletter.subscriberStatus.confirmed',
  unsubscribed: 'newsletter.subscriberStatus.unsubscribed',
};

const remaining = (issue: IssueSummary) => issue.counts.pending + issue.counts.claimed;

/** Links between the newsletter's admin pages. */
function AdminLinks() {
  const { t } = usePage();
  return (
    <p class="actions">
      <a class="button button-primary" href={href(newsletterRoutes.newIssue)}>
        {t('newsletter.issues.new')}
      </a>
      <a href={href(newsletterRoutes.subscribers)}>{t('newsletter.subscribers.title')}</a>
      <a href={href(newsletterRoutes.newsletter)}>{t('newsletter.issues.publicPage')}</a>
    </p>
  );
}

/** Every issue, newest first, with its sending progress. */
export function IssuesPage({ result }: { result: Page<IssueSummary> }) {
  const { t, locale, timeZone } = usePage();
  return (
    <Layout title={t('newsletter.issues.title')}>
      <PageHeading title={t('newsletter.issues.title')} lead={t('newsletter.issues.lead')} />
      <AdminLinks />
      <Table
        caption={t('newsletter.issues.caption', { total: result.total })}
        rows={result.items}
        rowKey={(issue) => issue.id}
        empty={t('newsletter.issues.empty')}
        columns={[
          { header: t('newsletter.column.subject'), cell: (issue) => <a href={href(newsletterRoutes.issue, { issue: issue.id })}>{issue.subject}</a> },
          { header: t('newsletter.column.status'), cell: (issue) => t(issueStatus[issue.status]) },
          { header: t('newsletter.column.created'), cell: (issue) => formatDateTime(issue.createdAt, locale, timeZone) },
          { header: t('newsletter.column.sent'), numeric: true, cell: (issue) => formatNumber(issue.counts.sent, locale) },
          { header: t('newsletter.column.failed'), numeric: true, cell: (issue) => formatNumber(issue.counts.failed, locale) },
          { header: t('newsletter.column.remaining'), numeric: true, cell: (issue) => formatNumber(remaining(issue), locale) },
        ]}
      />
      <Pagination page={result.page} pages={result.pages} />
    </Layout>
  );
}

/** Compose a new issue, or edit a draft. */
export function IssueFormPage({ form, items, issueId }: { form: FormState; items: IssueItem[]; issueId?: string }) {
  const { t } = usePage();
  const title = t(issueId ? 'newsletter.compose.editTitle' : 'newsletter.compose.title');
  return (
    <Layout title={title}>
      <PageHeading title={title} lead={t('newsletter.compose.lead')} />
      <ErrorSummary form={form} />
      <Form action={issueId ? href(newsletterRoutes.update, { issue: issueId }) : href(newsletterRoutes.createIssue)}>
        <TextField form={form} name="subject" label={t('newsletter.field.subject')} maxLength={200} />
        <TextArea form={form} name="intro" label={t('newsletter.field.intro')} hint={t('newsletter.hint.intro')} rows={10} optional />
        {items.length === 0 ? (
          <p class="empty">{t('newsletter.compose.noItems')}</p>
        ) : (
          <Checkboxes
            form={form}
            name="items"
            label={t('newsletter.field.items')}
            hint={t('newsletter.hint.items')}
            options={items.map((item) => ({ value: item.id, label: item.title }))}
          />
        )}
        <div class="actions">
          <SubmitButton>{t('newsletter.compose.submit')}</SubmitButton>
          <a href={issueId ? href(newsletterRoutes.issue, { issue: issueId }) : href(newsletterRoutes.issues)}>{t('common.cancel')}</a>
        </div>
      </Form>
    </Layout>
  );
}

/** The delivery counts of an issue being (or already) sent. */
function Progress({ issue }: { issue: IssueSummary }) {
  const { t, locale, timeZone } = usePage();
  const rows: Array<[string, string]> = [
    [t('newsletter.column.status'), t(issueStatus[issue.status])],
    [t('newsletter.column.sent'), formatNumber(issue.counts.sent, locale)],
    [t('newsletter.column.failed'), formatNumber(issue.counts.failed, locale)],
    [t('newsletter.column.remaining'), formatNumber(remaining(issue), locale)],
  ];
  if (issue.startedAt) rows.push([t('newsletter.column.started'), formatDateTime(issue.startedAt, locale, timeZone)]);
  if (issue.finishedAt) rows.push([t('newsletter.column.finished'), formatDateTime(issue.finishedAt, locale, timeZone)]);
  return <SummaryList items={rows} />;
}

export interface DeliveryRow {
  subscriber_id: string;
  email: string;
  status: DeliveryStatus;
  attempts: number;
  last_error: string | null;
  sent_at: string | null;
}

interface IssuePageProps {
  issue: IssueSummary;
  content: IssueContent;
  text: string;
  deliveries: Page<DeliveryRow>;
  /** True while the answer asks the browser to reload the page every few seconds. */
  autoRefresh: boolean;
}

/** Lets the reader turn the automatic reload off and on again (WCAG 2.2.1). */
function RefreshControl({ autoRefresh }: { autoRefresh: boolean }) {
  const { t, path } = usePage();
  return (
    <p>
      {t(autoRefresh ? 'newsletter.issue.refreshing' : 'newsletter.issue.notRefreshing')}{' '}
      <a href={autoRefresh ? `${path}?refresh=off` : path}>
        {t(autoRefresh ? 'newsletter.issue.stopRefresh' : 'newsletter.issue.startRefresh')}
      </a>
    </p>
  );
}

/** One issue: its actions and, once sending, its progress and recipients. */
export function IssuePage({ issue, content, text, deliveries, autoRefresh }: IssuePageProps) {
  const { t, locale, timeZone } = usePage();
  return (
    <Layout title={issue.subject}>
      <PageHeading title={issue.subject} lead={t(issue.status === 'draft' ? 'newsletter.issue.draftLead' : 'newsletter.issue.sendingLead')} />
      <div class="actions">
        {issue.status === 'draft' && (
          <>
            <a class="button button-secondary" href={href(newsletterRoutes.edit, { issue: issue.id })}>
              {t('newsletter.issue.edit')}
            </a>
            <Form action={href(newsletterRoutes.test, { issue: issue.id })} class="inline-form" label={t('newsletter.issue.test')}>
              <SubmitButton variant="secondary">{t('newsletter.issue.test')}</SubmitButton>
            </Form>
            <a class="button button-primary" href={href(newsletterRoutes.send, { issue: issue.id })}>
              {t('newsletter.issue.send')}
            </a>
          </>
        )}
        {issue.counts.failed > 0 && (
          <Form action={href(newsletterRoutes.retry, { issue: issue.id })} class="inline-form" label={t('newsletter.issue.retry', { count: issue.counts.failed })}>
            <SubmitButton variant="secondary">{t('newsletter.issue.retry', { count: issue.counts.failed })}</SubmitButton>
          </Form>
        )}
        <a href={href(newsletterRoutes.issues)}>{t('newsletter.issue.back')}</a>
      </div>
      {issue.status !== 'draft' && (
        <section aria-labelledby="progress-heading">
          <h2 id="progress-heading">{t('newsletter.issue.progress')}</h2>
          {issue.status === 'sending' && <RefreshControl autoRefresh={autoRefresh} />}
          <Progress issue={issue} />
          <Table
            caption={t('newsletter.issue.recipients', { total: deliveries.total })}
            rows={deliveries.items}
            rowKey={(row) => row.subscriber_id}
            empty={t('newsletter.issue.noRecipients')}
            columns={[
              { header: t('newsletter.column.email'), cell: (row) => row.email },
              { header: t('newsletter.column.status'), cell: (row) => t(deliveryStatus[row.status]) },
              { header: t('newsletter.column.attempts'), numeric: true, cell: (row) => formatNumber(row.attempts, locale) },
              { header: t('newsletter.column.sentAt'), cell: (row) => (row.sent_at ? formatDateTime(row.sent_at, locale, timeZone) : '') },
              { header: t('newsletter.column.error'), cell: (row) => row.last_error ?? '' },
            ]}
          />
          <Pagination page={deliveries.page} pages={deliveries.pages} />
        </section>
      )}
      <section aria-labelledby="preview-heading">
        <h2 id="preview-heading">{t('newsletter.issue.preview')}</h2>
        <div class="email-preview">
          <IssueBody content={content} t={t} publicUrl="" headingLevel={2} />
        </div>
        <h2>{t('newsletter.issue.plainText')}</h2>
        <pre class="mail">{text}</pre>
      </section>
    </Layout>
  );
}

/** Asks before sending to everyone. */
export function SendPage({ issue, confirmed }: { issue: IssueSummary; confirmed: number }) {
  const { t, locale } = usePage();
  return (
    <Layout title={t('newsletter.send.title')}>
      <div class="narrow">
        <PageHeading title={t('newsletter.send.title')} />
        {confirmed === 0 ? (
          <p class="empty">{t('newsletter.send.nobody')}</p>
        ) : (
          <>
            <p class="lead">{t('newsletter.send.lead', { subject: issue.subject, count: formatNumber(confirmed, locale) })}</p>
            <p>{t('newsletter.send.warning')}</p>
            <Form action={href(newsletterRoutes.confirmSend, { issue: issue.id })}>
              <div class="actions">
                <SubmitButton>{t('newsletter.send.submit', { count: formatNumber(confirmed, locale) })}</SubmitButton>
                <a href={href(newsletterRoutes.issue, { issue: issue.id })}>{t('common.cancel')}</a>
              </div>
            </Form>
          </>
        )}
        {confirmed === 0 && (
          <p>
            <a href={href(newsletterRoutes.issue, { issue: issue.id })}>{t('newsletter.issue.back')}</a>
          </p>
        )}
      </div>
    </Layout>
  );
}

export interface SubscriberRowView {
  id: string;
  email: string;
  status: SubscriberStatus;
  locale: string;
  created_at: string;
  confirmed_at: string | null;
}

/** Subscribers, filtered by status, with the CSV export. */
export function SubscribersPage({ result, status, counts }: { result: Page<SubscriberRowView>; status: SubscriberStatus | undefined; counts: string }) {
  const { t, locale, timeZone } = usePage();
  const csv = href(newsletterRoutes.subscribersCsv, {}, { status });
  return (
    <Layout title={t('newsletter.subscribers.title')}>
      <PageHeading title={t('newsletter.subscribers.title')} lead={counts} />
      <form method="get" action={href(newsletterRoutes.subscribers)} class="filters" aria-label={t('newsletter.subscribers.filter')}>
        <Select
          form={{ values: { status: status ?? '' }, errors: {} }}
          name="status"
          label={t('newsletter.column.status')}
          emptyLabel={t('newsletter.subscribers.any')}
          options={(Object.keys(subscriberStatus) as SubscriberStatus[]).map((value) => ({ value, label: t(subscriberStatus[value]) }))}
        />
        <div class="field">
          <SubmitButton variant="secondary">{t('newsletter.subscribers.apply')}</SubmitButton>
        </div>
      </form>
      <p class="actions">
        <a href={csv} download>
          {t('newsletter.subscribers.csv')}
        </a>
        <a href={href(newsletterRoutes.issues)}>{t('newsletter.issue.back')}</a>
      </p>
      <Table
        caption={t('newsletter.subscribers.caption', { total: result.total })}
        rows={result.items}
        rowKey={(row) => row.id}
        empty={t('newsletter.subscribers.empty')}
        columns={[
          { header: t('newsletter.column.email'), cell: (row) => row.email },
          { header: t('newsletter.column.status'), cell: (row) => t(subscriberStatus[row.status]) },
          { header: t('newsletter.column.language'), cell: (row) => (row.locale === 'es' ? t('locale.es') : t('locale.en')) },
          { header: t('newsletter.column.subscribed'), cell: (row) => formatDateTime(row.created_at, locale, timeZone) },
          { header: t('newsletter.column.confirmed'), cell: (row) => (row.confirmed_at ? formatDateTime(row.confirmed_at, locale, timeZone) : '') },
        ]}
      />
      <Pagination page={result.page} pages={result.pages} query={{ status }} />
    </Layout>
  );
}
