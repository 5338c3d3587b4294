import { usePage } from '../../../ui/context';
import { formatDate } from '../../../i18n/format';
import { ErrorSummary, Form, Select, SubmitButton, TextArea, TextField, type FormState } from '../../../ui/forms';
import { WorkspaceLayout } from '../../../ui/workspace/layout';
import type { WorkspaceLibrary } from '../../workspace/contracts';
import type { Insight } from '../service';
import { MAX_INSIGHT_LENGTH, MAX_THEME_LENGTH, MAX_THEMES } from '../schema';
import { discoverPath, insightPath } from '../urls';
import { href } from '../../../server/route-contract';
import { discoverRoutes } from '../route-table';

interface InsightFormPageProps {
  library: WorkspaceLibrary;
  form: FormState;
  activities: Array<{ id: string; title: string; date: string }>;
  insight?: Insight;
}

/** The form to add an insight, or to edit one when `insight` is given. */
export function InsightFormPage({ library, form, activities, insight }: InsightFormPageProps) {
  const { t, locale } = usePage();
  const title = insight ? t('discover.insight.editTitle') : t('discover.insight.newTitle');
  const action = insight ? insightPath(library, insight.id, 'edit') : href(discoverRoutes.createInsight, { library: library.slug });
  return (
    <WorkspaceLayout library={library} section="discover" title={title}>
      <div class="narrow">
        <ErrorSummary form={form} />
        <Form action={action}>
          <TextArea
            form={form}
            name="text"
            label={t('discover.field.text')}
            hint={t('discover.hint.text', { limit: MAX_INSIGHT_LENGTH })}
            rows={5}
            maxLength={MAX_INSIGHT_LENGTH}
          />
          <TextField
            form={form}
            name="themes"
            label={t('discover.field.themes')}
            hint={t('discover.hint.themes', { count: MAX_THEMES, limit: MAX_THEME_LENGTH })}
            optional
          />
          <Select
            form={form}
            name="activity"
            label={t('discover.field.activity')}
            emptyLabel={t('discover.noActivity')}
            options={activities.map((a) => ({ value: a.id, label: `${a.title} (${formatDate(a.date, locale)})` }))}
            optional
          />
          <div class="actions">
            <SubmitButton>{t('discover.insight.save')}</SubmitButton>
            <a href={insight ? insightPath(library, insight.id) : discoverPath(library)}>{t('common.cancel')}</a>
          </div>
        </Form>
      </div>
    </WorkspaceLayout>
  );
}
