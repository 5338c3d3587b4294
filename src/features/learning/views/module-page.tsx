import { Layout, PageHeading } from '../../../ui/layout';
import { usePage } from '../../../ui/context';
import { Markdown } from '../../../ui/markdown';
import { formatDate } from '../../../i18n/format';
import { can } from '../../../policy';
import { href } from '../../../server/route-contract';
import type { ReadableModule } from '../service';
import { learningRoutes } from '../route-table';
import { phaseName } from './labels';

/**
 * One module: its phase, introduction and objectives once it is open. Before
 * that a learner sees when it opens; program staff see it all, as a preview.
 */
export function ModulePage({ found }: { found: ReadableModule }) {
  const { t, locale, actor } = usePage();
  const { module, cohort, isOpen } = found;
  const manages = can(actor, 'program.manage');
  const opens = formatDate(module.opensOn, locale);
  return (
    <Layout title={module.title}>
      <PageHeading title={module.title} lead={t('learning.module.lead', { phase: phaseName(t, module.phase), cohort: cohort.name })} />
      {!isOpen && <p class="flash flash-info">{t(manages ? 'learning.module.preview' : 'learning.module.notYet', { date: opens })}</p>}
      {(isOpen || manages) && (
        <>
          <h2>{t('learning.field.introduction')}</h2>
          {module.introduction.trim() ? <Markdown source={module.introduction} /> : <p class="empty">{t('learning.module.noIntroduction')}</p>}
          <h2>{t('learning.field.objectives')}</h2>
          {module.objectives.length === 0 ? (
            <p class="empty">{t('learning.module.noObjectives')}</p>
          ) : (
            <ul>
              {module.objectives.map((objective, index) => (
                <li key={index}>{objective}</li>
              ))}
            </ul>
          )}
        </>
      )}
      <p class="actions">
        <a href={href(learningRoutes.learning)}>{t('learning.module.back')}</a>
        {manages && <a href={href(learningRoutes.editModule, { cohort: cohort.id, module: module.id })}>{t('learning.module.edit')}</a>}
      </p>
    </Layout>
  );
}
