import { Layout, PageHeading } from '../../../ui/layout';
import { usePage } from '../../../ui/context';
import { SummaryList, Table } from '../../../ui/table';
import { formatDate, formatDateTime, formatMoney, formatNumber } from '../../../i18n/format';
import type { Cohort, Program } from '../service';
import { Paragraphs } from '../../../ui/paragraphs';
import { href } from '../../../server/route-contract';
import { programsRoutes as programRoutes } from '../route-table';

interface ProgramPageProps {
  program: Program | undefined;
  cohorts: Cohort[];
  /** Number of libraries in each cohort, by cohort id. */
  libraryCounts: ReadonlyMap<string, number>;
}

/** The program's details and its cohorts, or a prompt to set the program up. */
export function ProgramPage({ program, cohorts, libraryCounts }: ProgramPageProps) {
  const { t, locale, timeZone } = usePage();
  if (!program) {
    return (
      <Layout title={t('programs.page.title')}>
        <PageHeading title={t('programs.page.title')} />
        <div class="empty">
          <p>{t('programs.page.none')}</p>
          <p>
            <a class="button button-primary" href={href(programRoutes.edit)}>
              {t('programs.page.setUp')}
            </a>
          </p>
        </div>
      </Layout>
    );
  }
  return (
    <Layout title={program.name}>
      <PageHeading title={program.name} lead={t('programs.page.lead')} />
      <h2>{t('programs.page.details')}</h2>
      <SummaryList
        items={[
          [t('programs.field.description'), program.description ? <Paragraphs text={program.description} /> : t('common.none')],
          [t('programs.field.managerName'), program.managerName],
          [t('programs.field.managerEmail'), <a href={`mailto:${program.managerEmail}`}>{program.managerEmail}</a>],
          [t('programs.page.updated'), formatDateTime(program.updatedAt, locale, timeZone)],
        ]}
      />
      <p class="actions">
        <a class="button button-secondary" href={href(programRoutes.edit)}>
          {t('programs.page.edit')}
        </a>
      </p>
      <h2>{t('programs.cohorts.title')}</h2>
      <Table
        caption={t('programs.cohorts.caption', { program: program.name })}
        rows={cohorts}
        rowKey={(c) => c.id}
        empty={t('programs.cohorts.empty')}
        columns={[
          { header: t('programs.field.cohortName'), cell: (c) => c.name },
          {
            header: t('programs.cohorts.dates'),
            cell: (c) => t('programs.cohorts.dateRange', { start: formatDate(c.startsOn, locale), end: formatDate(c.endsOn, locale) }),
          },
          { header: t('programs.field.subgrant'), cell: (c) => formatMoney(c.subgrantCents, locale), numeric: true },
          {
            header: t('programs.field.spendingCategories'),
            cell: (c) => (
              <ul>
                {c.spendingCategories.map((category) => (
                  <li key={category}>{category}</li>
                ))}
              </ul>
            ),
          },
          { header: t('programs.cohorts.libraries'), cell: (c) => formatNumber(libraryCounts.get(c.id) ?? 0, locale), numeric: true },
          {
            header: t('programs.cohorts.actions'),
            cell: (c) => (
              <a href={href(programRoutes.editCohort, { cohort: c.id })} aria-label={t('programs.cohorts.editLabel', { name: c.name })}>
                {t('common.edit')}
              </a>
            ),
          },
        ]}
      />
      <p class="actions">
        <a class="button button-primary" href={href(programRoutes.newCohort)}>
          {t('programs.cohorts.add')}
        </a>
      </p>
    </Layout>
  );
}
