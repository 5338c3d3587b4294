import { Layout, PageHeading } from '../../../ui/layout';
import { usePage } from '../../../ui/context';
import { formatDate } from '../../../i18n/format';
import { can } from '../../../policy';
import { href } from '../../../server/route-contract';
import type { CohortCurriculum, LearningModule } from '../service';
import { learningRoutes } from '../route-table';
import { phaseName } from './labels';

/** The modules a person follows, cohort by cohort: those open now and those that open later, with their day. */
export function LearningPage({ curricula }: { curricula: CohortCurriculum[] }) {
  const { t, actor } = usePage();
  const manages = can(actor, 'program.manage');
  return (
    <Layout title={t('learning.page.title')}>
      <PageHeading title={t('learning.page.title')} lead={t('learning.page.lead')} />
      {curricula.length === 0 && <p class="empty">{t(manages ? 'learning.page.noCohorts' : 'learning.page.noCohort')}</p>}
      {curricula.map(({ cohort, open, upcoming }) => (
        <section key={cohort.id} aria-labelledby={`cohort-${cohort.id}`}>
          <h2 id={`cohort-${cohort.id}`}>{cohort.name}</h2>
          {manages && (
            <p>
              <a href={href(learningRoutes.modules, { cohort: cohort.id })}>{t('learning.page.manage', { cohort: cohort.name })}</a>
            </p>
          )}
          {open.length + upcoming.length === 0 ? (
            <p class="empty">{t('learning.page.noModules')}</p>
          ) : (
            <>
              <h3>{t('learning.page.open')}</h3>
              {open.length === 0 ? <p class="empty">{t('learning.page.noneOpen')}</p> : <ModuleList modules={open} />}
              <h3>{t('learning.page.upcoming')}</h3>
              {upcoming.length === 0 ? <p class="empty">{t('learning.page.noneUpcoming')}</p> : <ModuleList modules={upcoming} showOpening />}
            </>
          )}
        </section>
      ))}
    </Layout>
  );
}

function ModuleList({ modules, showOpening = false }: { modules: LearningModule[]; showOpening?: boolean }) {
  const { t, locale } = usePage();
  return (
    <ol>
      {modules.map((module) => (
        <li key={module.id}>
          <a href={href(learningRoutes.module, { module: module.id })}>{module.title}</a> <span>({phaseName(t, module.phase)})</span>
          {showOpening && <span>{' · '}{t('learning.opensOn', { date: formatDate(module.opensOn, locale) })}</span>}
        </li>
      ))}
    </ol>
  );
}
