import { Layout, PageHeading } from '../../../ui/layout';
import { usePage } from '../../../ui/context';
import { ConfirmForm } from '../../../ui/forms';
import { href } from '../../../server/route-contract';
import type { Cohort } from '../../programs/service';
import type { LearningModule } from '../service';
import { learningRoutes } from '../route-table';

/** Asks before deleting a module from a cohort's curriculum. */
export function DeleteModulePage({ cohort, module }: { cohort: Cohort; module: LearningModule }) {
  const { t } = usePage();
  const title = t('learning.delete.title', { title: module.title });
  return (
    <Layout title={title}>
      <PageHeading title={title} />
      <div class="narrow">
        <p>{t('learning.delete.body', { cohort: cohort.name })}</p>
        <ConfirmForm
          action={href(learningRoutes.deleteModule, { cohort: cohort.id, module: module.id })}
          submit={t('learning.delete.submit')}
          cancel={href(learningRoutes.modules, { cohort: cohort.id })}
        />
      </div>
    </Layout>
  );
}
