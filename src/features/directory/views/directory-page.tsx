import { Layout, PageHeading } from '../../../ui/layout';
import { usePage } from '../../../ui/context';
import { Table } from '../../../ui/table';
import { Pagination, type Page } from '../../../ui/pagination';
import { SeoHead } from '../../../ui/seo';
import { emptyForm, Select, SubmitButton } from '../../../ui/forms';
import { formatNumber } from '../../../i18n/format';
import type { Cohort } from '../../programs/service';
import type { Library } from '../../libraries/service';
import { href } from '../../../server/route-contract';
import { directoryRoutes } from '../route-table';

interface DirectoryPageProps {
  result: Page<Library>;
  filter: { state?: string; cohort?: string };
  /** The states that have at least one participating library. */
  states: string[];
  cohorts: Cohort[];
}

/** The public list of participating libraries, filtered by state and cohort, 25 a page. */
export function DirectoryPage({ result, filter, states, cohorts }: DirectoryPageProps) {
  const { t, locale } = usePage();
  const filtered = !!(filter.state || filter.cohort);
  const cohortNames = new Map(cohorts.map((c) => [c.id, c.name]));
  const filterForm = emptyForm({ state: filter.state, cohort: filter.cohort });
  return (
    <Layout
      title={t('directory.title')}
      description={t('directory.lead')}
      head={<SeoHead title={t('directory.title')} description={t('directory.lead')} path={href(directoryRoutes.list)} />}
    >
      <PageHeading title={t('directory.title')} lead={t('directory.lead')} />
      {states.length > 0 && (
        <form method="get" action={href(directoryRoutes.list)} class="filters" aria-label={t('directory.filter.label')}>
          <Select
            form={filterForm}
            name="state"
            label={t('directory.filter.state')}
            emptyLabel={t('directory.filter.anyState')}
            options={states.map((code) => ({ value: code, label: code }))}
          />
          {cohorts.length > 0 && (
            <Select
              form={filterForm}
              name="cohort"
              label={t('directory.filter.cohort')}
              emptyLabel={t('directory.filter.anyCohort')}
              options={cohorts.map((c) => ({ value: c.id, label: c.name }))}
            />
          )}
          <div class="field">
            <SubmitButton variant="secondary">{t('directory.filter.submit')}</SubmitButton>
            {filtered && <a href={href(directoryRoutes.list)}>{t('directory.filter.clear')}</a>}
          </div>
        </form>
      )}
      <Table
        caption={t('directory.caption', { total: formatNumber(result.total, locale) })}
        rows={result.items}
        rowKey={(library) => library.id}
        empty={filtered ? t('directory.noneMatch') : t('directory.none')}
        columns={[
          { header: t('directory.column.name'), cell: (library) => <a href={href(directoryRoutes.profile, { library: library.slug })}>{library.name}</a> },
          { header: t('directory.column.town'), cell: (library) => library.town },
          { header: t('directory.column.state'), cell: (library) => library.state },
          {
            header: t('directory.column.peopleServed'),
            cell: (library) => (library.peopleServed === null ? t('directory.unknown') : formatNumber(library.peopleServed, locale)),
            numeric: true,
          },
          {
            header: t('directory.column.cohort'),
            cell: (library) => (library.cohortId ? cohortNames.get(library.cohortId) : t('common.none')),
          },
        ]}
      />
      <Pagination page={result.page} pages={result.pages} query={filter} />
    </Layout>
  );
}
