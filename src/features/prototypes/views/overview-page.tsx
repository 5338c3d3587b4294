import { usePage } from '../../../ui/context';
import { Table } from '../../../ui/table';
import { Pagination, type Page } from '../../../ui/pagination';
import { formatDate, formatMoney, formatNumber } from '../../../i18n/format';
import { WorkspaceLayout } from '../../../ui/workspace/layout';
import type { WorkspaceLibrary } from '../../workspace/contracts';
import { ideaPath, ideatePath, prototypePath, type Idea, type Prototype } from '../service';
import { decisionLabel } from './decision-text';

interface OverviewPageProps {
  library: WorkspaceLibrary;
  ideas: Page<Idea & { insightCount: number }>;
  prototypes: Page<Prototype & { sessionCount: number }>;
}

/** The ideate section: the library's ideas and prototypes, with the decision on each prototype. */
export function OverviewPage({ library, ideas, prototypes }: OverviewPageProps) {
  const { t, locale, abilities } = usePage();
  const base = ideatePath(library);
  const query = { ideas: String(ideas.page), prototypes: String(prototypes.page) };
  return (
    <WorkspaceLayout library={library} section="ideate" title={t('prototypes.overview.title')} lead={t('prototypes.overview.lead')}>
      <section aria-labelledby="ideas-heading">
        <h2 id="ideas-heading">{t('prototypes.ideas.heading')}</h2>
        {abilities.work && (
          <p>
            <a class="button button-primary" href={`${base}/ideas/new`}>
              {t('prototypes.idea.add')}
            </a>
          </p>
        )}
        <Table
          caption={t('prototypes.ideas.caption', { total: formatNumber(ideas.total, locale) })}
          rows={ideas.items}
          rowKey={(idea) => idea.id}
          empty={t('prototypes.ideas.empty')}
          columns={[
            { header: t('prototypes.column.idea'), cell: (idea) => <a href={ideaPath(library, idea.id)}>{idea.title}</a> },
            { header: t('prototypes.column.insights'), numeric: true, cell: (idea) => formatNumber(idea.insightCount, locale) },
            { header: t('prototypes.column.added'), cell: (idea) => formatDate(idea.createdAt.slice(0, 10), locale) },
          ]}
        />
        <Pagination param="ideas" page={ideas.page} pages={ideas.pages} label={t('prototypes.ideas.pages')} query={query} />
      </section>
      <section aria-labelledby="prototypes-heading">
        <h2 id="prototypes-heading">{t('prototypes.prototypes.heading')}</h2>
        {abilities.work && (
          <p>
            <a class="button button-primary" href={`${base}/prototypes/new`}>
              {t('prototypes.prototype.add')}
            </a>
          </p>
        )}
        <Table
          caption={t('prototypes.prototypes.caption', { total: formatNumber(prototypes.total, locale) })}
          rows={prototypes.items}
          rowKey={(prototype) => prototype.id}
          empty={t('prototypes.prototypes.empty')}
          columns={[
            {
              header: t('prototypes.column.prototype'),
              cell: (prototype) => <a href={prototypePath(library, prototype.id)}>{prototype.title}</a>,
            },
            { header: t('prototypes.column.cost'), numeric: true, cell: (prototype) => formatMoney(prototype.costCents, locale) },
            { header: t('prototypes.column.sessions'), numeric: true, cell: (prototype) => formatNumber(prototype.sessionCount, locale) },
            { header: t('prototypes.column.decision'), cell: (prototype) => t(decisionLabel(prototype.decision)) },
          ]}
        />
        <Pagination param="prototypes" page={prototypes.page} pages={prototypes.pages} label={t('prototypes.prototypes.pages')} query={query} />
      </section>
    </WorkspaceLayout>
  );
}
