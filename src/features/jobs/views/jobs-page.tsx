import { Layout, PageHeading } from '../../../ui/layout';
import { usePage } from '../../../ui/context';
import { Table } from '../../../ui/table';
import { Pagination, type Page } from '../../../ui/pagination';
import { Form, SubmitButton } from '../../../ui/forms';
import { formatDateTime, formatNumber } from '../../../i18n/format';
import type { MessageKey } from '../../../i18n';
import type { JobStatus } from '../../../db/tables/jobs';
import type { JobRow } from '../repository';
import { href } from '../../../server/route-contract';
import { jobsRoutes } from '../route-table';

export const JOB_STATUSES: readonly JobStatus[] = ['pending', 'running', 'failed', 'done'];

const statusLabel: Record<JobStatus, MessageKey> = {
  pending: 'jobs.status.pending',
  running: 'jobs.status.running',
  failed: 'jobs.status.failed',
  done: 'jobs.status.done',
};

const caption: Record<JobStatus, MessageKey> = {
  pending: 'jobs.list.caption.pending',
  running: 'jobs.list.caption.running',
  failed: 'jobs.list.caption.failed',
  done: 'jobs.list.caption.done',
};

interface JobsPageProps {
  status: JobStatus;
  result: Page<JobRow> & { counts: Record<JobStatus, number> };
}

/** The queue for admins: counts by state, and one state's jobs with a retry button on each failed one. */
export function JobsPage({ status, result }: JobsPageProps) {
  const { t, locale, timeZone } = usePage();
  const when = (value: string | null) => (value ? formatDateTime(value, locale, timeZone) : '');
  const columns = [
    { header: t('jobs.column.kind'), cell: (job: JobRow) => job.kind },
    { header: t('jobs.column.key'), cell: (job: JobRow) => <code>{job.idempotency_key}</code> },
    {
      header: t('jobs.column.attempts'),
      numeric: true,
      cell: (job: JobRow) => t('jobs.column.attemptsOf', { attempts: formatNumber(job.attempts, locale), max: formatNumber(job.max_attempts, locale) }),
    },
    status === 'pending' || status === 'running'
      ? { header: t('jobs.column.due'), cell: (job: JobRow) => when(job.run_at) }
      : { header: t('jobs.column.finished'), cell: (job: JobRow) => when(job.finished_at) },
    ...(status === 'running' ? [{ header: t('jobs.column.lease'), cell: (job: JobRow) => job.lease_owner ?? '' }] : []),
    { header: t('jobs.column.error'), cell: (job: JobRow) => job.last_error ?? '' },
    ...(status === 'failed'
      ? [
          {
            header: t('jobs.column.action'),
            cell: (job: JobRow) => (
              <Form action={href(jobsRoutes.retry, { job: job.id })} class="inline-form" label={t('jobs.retry.label', { key: job.idempotency_key })}>
                <SubmitButton variant="secondary">{t('jobs.retry.button')}</SubmitButton>
              </Form>
            ),
          },
        ]
      : []),
  ];
  return (
    <Layout title={t('jobs.title')}>
      <PageHeading title={t('jobs.title')} lead={t('jobs.lead')} />
      <Table
        caption={t('jobs.states.caption')}
        rows={[...JOB_STATUSES]}
        rowKey={(state) => state}
        empty=""
        columns={[
          {
            header: t('jobs.states.state'),
            cell: (state) => (
              <a href={href(jobsRoutes.list, {}, { status: state })} aria-current={state === status ? 'page' : undefined}>
                {t(statusLabel[state])}
              </a>
            ),
          },
          { header: t('jobs.states.count'), numeric: true, cell: (state) => formatNumber(result.counts[state], locale) },
        ]}
      />
      <Table
        caption={t(caption[status], { total: formatNumber(result.total, locale) })}
        rows={result.items}
        rowKey={(job) => job.id}
        empty={t('jobs.list.empty')}
        columns={columns}
      />
      <Pagination page={result.page} pages={result.pages} query={{ status }} />
    </Layout>
  );
}
