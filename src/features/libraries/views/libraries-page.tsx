import { Layout, PageHeading } from '../../../ui/layout';
import { usePage } from '../../../ui/context';
import { Table } from '../../../ui/table';
import { Pagination, type Page } from '../../../ui/pagination';
import { emptyForm, Select, SubmitButton } from '../../../ui/forms';
import { formatNumber } from '../../../i18n/format';
import type { Cohort } from '../../programs/service';
import type { Library } from '../service';
import { US_STATE_CODES } from '../schema';
import { href } from '../../../server/route-contract';
import { librariesRoutes as libraryRoutes } from '../route-table';

interface LibrariesPageProps {
  result: Page<Library>;
  filter: { state?: string; cohort?: string };
  cohorts: Cohort[];
  /** Admins may add libraries. */
  canAdd: boolean;
  /** False when the reader is linked to no library at all. */
  seesAny: boolean;
}

/** The libraries the reader may open, filtered by state and cohort, 25 a page. */
export function LibrariesPage({ result, filter, cohorts, canAdd, seesAny }: LibrariesPageProps) {
  const { t, locale } = usePage();
  const filtered = !!(filter.state || filter.cohort);
  const cohortNames = new Map(cohorts.map((c) => [c.id, c.name]));
  const empty = !seesAny ? t('libraries.list.noneLinked') : filtered ? t('libraries.list.noneMatch') : t('libraries.list.none');
  const filterForm = emptyForm({ state: filter.state, cohort: filter.cohort });
  return (
    <Layout title={t('libraries.list.title')}>
      <PageHeading title={t('libraries.list.title')} lead={t('libraries.list.lead')} />
      {canAdd && (
        <p class="actions">
          <a class="button button-primary" href={href(libraryRoutes.new)}>
            {t('libraries.list.add')}
          </a>
        </p>
      )}
      {seesAny && (
        <form method="get" action={href(libraryRoutes.list)} class="filters" aria-label={t('libraries.filter.label')}>
          <Select
            form={filterForm}
            name="state"
            label={t('libraries.field.state')}
            emptyLabel={t('libraries.filter.anyState')}
            options={US_STATE_CODES.map((code) => ({ value: code, label: code }))}
          />
          {cohorts.length > 0 && (
            <Select
              form={filterForm}
              name="cohort"
              label={t('libraries.field.cohort')}
              emptyLabel={t('libraries.filter.anyCohort')}
              options={cohorts.map((c) => ({ value: c.id, label: c.name }))}
            />
          )}
          <div class="field">
            <SubmitButton variant="secondary">{t('libraries.filter.submit')}</SubmitButton>
            {filtered && <a href={href(libraryRoutes.list)}>{t('libraries.filter.clear')}</a>}
          </div>
        </form>
      )}
      <Table
        caption={t('libraries.list.caption', { total: formatNumber(result.total, locale) })}
        rows={result.items}
        rowKey={(library) => library.id}
        empty={empty}
        columns={[
          { header: t('libraries.field.name'), cell: (library) => <a href={href(libraryRoutes.library, { library: library.slug })}>{library.name}</a> },
          { header: t('libraries.field.town'), cell: (library) => library.town },
          { header: t('libraries.field.state'), cell: (library) => library.state },
          {
            header: t('libraries.field.peopleServed'),
            cell: (library) => (library.peopleServed === null ? t('libraries.unknown') : formatNumber(library.peopleServed, locale)),
            numeric: true,
          },
          {
            header: t('libraries.field.cohort'),
            cell: (library) => (library.cohortId ? cohortNames.get(library.cohortId) : t('common.none')),
          },
        ]}
      />
      <Pagination page={result.page} pages={result.pages} query={filter} />
    </Layout>
  );
}
