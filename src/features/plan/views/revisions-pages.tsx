import { usePage } from '../../../ui/context';
import { Table, SummaryList } from '../../../ui/table';
import { Pagination, type Page } from '../../../ui/pagination';
import { formatDateTime, formatNumber } from '../../../i18n/format';
import type { MessageKey } from '../../../i18n';
import type { PlanEntityType, PlanRevisionAction } from '../../../db/tables/plan';
import { WorkspaceLayout } from '../../../ui/workspace/layout';
import type { PlanLibrary, PlanRevision } from '../service';
import { planPath, revisionsPath } from '../urls';
import { useFieldLabel, useFieldText } from './parts';

const KIND_LABELS: Record<PlanEntityType, MessageKey> = {
  goal: 'plan.kind.goal',
  task: 'plan.kind.task',
  milestone: 'plan.kind.milestone',
  budget: 'plan.kind.budget',
};

const ACTION_LABELS: Record<PlanRevisionAction, MessageKey> = {
  created: 'plan.revision.action.created',
  updated: 'plan.revision.action.updated',
  deleted: 'plan.revision.action.deleted',
};

/** "Task “Clear the VHS room” changed". */
function useRevisionSummary() {
  const { t } = usePage();
  return (revision: PlanRevision) =>
    t('plan.revision.summary', { kind: t(KIND_LABELS[revision.entityType]), title: revision.entityTitle, action: t(ACTION_LABELS[revision.action]) });
}

/** A revision's field changes as a list of "Field: before → after". */
function ChangeList({ revision }: { revision: PlanRevision }) {
  const { t } = usePage();
  const label = useFieldLabel();
  const text = useFieldText();
  const entries = Object.entries(revision.changes);
  if (entries.length === 0) return <>{t('plan.revision.noChanges')}</>;
  return (
    <ul class="plan-changes">
      {entries.map(([field, [before, after]]) => (
        <li key={field}>
          {t('plan.revision.change', { field: label(field), before: text(field, before), after: text(field, after) })}
        </li>
      ))}
    </ul>
  );
}

/** Every change to the library's plan, newest first, 25 a page. */
export function RevisionsPage({ library, result }: { library: PlanLibrary; result: Page<PlanRevision> }) {
  const { t, locale, timeZone } = usePage();
  const summary = useRevisionSummary();
  return (
    <WorkspaceLayout library={library} section="plan" title={t('plan.revisions.title')} lead={t('plan.revisions.lead')}>
      <p>
        <a href={planPath(library)}>{t('plan.item.back')}</a>
      </p>
      <Table
        caption={t('plan.revisions.caption', { total: formatNumber(result.total, locale) })}
        rows={result.items}
        rowKey={(r) => r.id}
        empty={t('plan.revisions.empty')}
        columns={[
          { header: t('plan.revisions.what'), cell: (r) => <a href={`${revisionsPath(library)}/${r.id}`}>{summary(r)}</a> },
          { header: t('plan.revisions.who'), cell: (r) => r.authorName ?? t('plan.revision.unknownAuthor') },
          { header: t('plan.revisions.when'), cell: (r) => formatDateTime(r.at, locale, timeZone) },
          { header: t('plan.revisions.changes'), cell: (r) => <ChangeList revision={r} /> },
        ]}
      />
      <Pagination page={result.page} pages={result.pages} />
    </WorkspaceLayout>
  );
}

/** One change in full: who, when, and each field before and after. */
export function RevisionPage({ library, revision, itemPath }: { library: PlanLibrary; revision: PlanRevision; itemPath?: string }) {
  const { t, locale, timeZone } = usePage();
  const summary = useRevisionSummary();
  const label = useFieldLabel();
  const text = useFieldText();
  const entries = Object.entries(revision.changes);
  return (
    <WorkspaceLayout library={library} section="plan" title={t('plan.revision.title', { summary: summary(revision) })}>
      <p>
        <a href={revisionsPath(library)}>{t('plan.revision.all')}</a>
        {itemPath && (
          <>
            {' · '}
            <a href={itemPath}>{t('plan.revision.item')}</a>
          </>
        )}
      </p>
      <SummaryList
        items={[
          [t('plan.revisions.who'), revision.authorName ?? t('plan.revision.unknownAuthor')],
          [t('plan.revisions.when'), formatDateTime(revision.at, locale, timeZone)],
        ]}
      />
      {entries.length === 0 ? (
        <p>{t('plan.revision.noChanges')}</p>
      ) : (
        <Table
          caption={t('plan.revision.caption')}
          rows={entries}
          rowKey={([field]) => field}
          empty=""
          columns={[
            { header: t('plan.revision.field'), cell: ([field]) => label(field) },
            { header: t('plan.revision.before'), cell: ([field, [before]]) => text(field, before) },
            { header: t('plan.revision.after'), cell: ([field, [, after]]) => text(field, after) },
          ]}
        />
      )}
    </WorkspaceLayout>
  );
}
