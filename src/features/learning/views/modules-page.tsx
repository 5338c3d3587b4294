import { Layout, PageHeading } from '../../../ui/layout';
import { usePage } from '../../../ui/context';
import { Form, SubmitButton } from '../../../ui/forms';
import { Table } from '../../../ui/table';
import { formatDate } from '../../../i18n/format';
import { href } from '../../../server/route-contract';
import type { Cohort } from '../../programs/service';
import type { LearningModule } from '../service';
import { learningRoutes } from '../route-table';
import { phaseName } from './labels';

/** A cohort's modules in their order, with buttons to add, edit, move and delete them (program staff). */
export function ModulesPage({ cohort, modules }: { cohort: Cohort; modules: LearningModule[] }) {
  const { t, locale } = usePage();
  const title = t('learning.modules.title', { cohort: cohort.name });
  return (
    <Layout title={title}>
      <PageHeading title={title} lead={t('learning.modules.lead')} />
      <p class="actions">
        <a class="button button-primary" href={href(learningRoutes.newModule, { cohort: cohort.id })}>
          {t('learning.modules.new')}
        </a>
        <a href={href(learningRoutes.learning)}>{t('learning.modules.back')}</a>
      </p>
      <Table
        caption={t('learning.modules.caption', { cohort: cohort.name })}
        rows={modules}
        rowKey={(m) => m.id}
        empty={t('learning.modules.empty')}
        columns={[
          { header: t('learning.column.order'), cell: (m) => String(modules.indexOf(m) + 1), numeric: true },
          { header: t('learning.field.title'), cell: (m) => <a href={href(learningRoutes.module, { module: m.id })}>{m.title}</a> },
          { header: t('learning.field.phase'), cell: (m) => phaseName(t, m.phase) },
          { header: t('learning.field.opensOn'), cell: (m) => formatDate(m.opensOn, locale) },
          { header: t('learning.column.actions'), cell: (m) => <ModuleActions cohort={cohort} module={m} first={m === modules[0]} last={m === modules[modules.length - 1]} /> },
        ]}
      />
    </Layout>
  );
}

/** Edit, move and delete buttons of one module; a move past either end is not offered. */
function ModuleActions({ cohort, module, first, last }: { cohort: Cohort; module: LearningModule; first: boolean; last: boolean }) {
  const { t } = usePage();
  const ids = { cohort: cohort.id, module: module.id };
  return (
    <div class="actions">
      <a href={href(learningRoutes.editModule, ids)} aria-label={t('learning.modules.editLabel', { title: module.title })}>
        {t('common.edit')}
      </a>
      <a href={href(learningRoutes.deleteModuleForm, ids)} aria-label={t('learning.modules.deleteLabel', { title: module.title })}>
        {t('learning.modules.delete')}
      </a>
      {(['up', 'down'] as const)
        .filter((direction) => (direction === 'up' ? !first : !last))
        .map((direction) => (
          <Form key={direction} action={href(learningRoutes.moveModule, ids)} class="inline-form" label={t(`learning.move.${direction}Label`, { title: module.title })}>
            <input type="hidden" name="direction" value={direction} />
            <SubmitButton variant="secondary">{t(`learning.move.${direction}`)}</SubmitButton>
          </Form>
        ))}
    </div>
  );
}
