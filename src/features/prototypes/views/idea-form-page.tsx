import { usePage } from '../../../ui/context';
import { Checkboxes, type FormState } from '../../../ui/forms';
import type { WorkspaceLibrary } from '../../workspace/contracts';
import { ideaPath, ideatePath, type Idea } from '../service';
import { ItemFormPage } from './item-form';
import { href } from '../../../server/route-contract';
import { discoverRoutes } from '../../discover/route-table';
import { prototypesRoutes } from '../route-table';

interface IdeaFormPageProps {
  library: WorkspaceLibrary;
  form: FormState;
  insights: Array<{ id: string; text: string }>;
  /** The idea being edited; absent when adding one. */
  idea?: Idea;
}

/** Adding or editing an idea and the insights it answers. */
export function IdeaFormPage({ library, form, insights, idea }: IdeaFormPageProps) {
  const { t } = usePage();
  const title = idea ? t('prototypes.idea.editTitle', { title: idea.title }) : t('prototypes.idea.newTitle');
  const action = idea ? href(prototypesRoutes.updateIdea, { library: library.slug, idea: idea.id }) : href(prototypesRoutes.createIdea, { library: library.slug });
  return (
    <ItemFormPage
      library={library}
      form={form}
      title={title}
      action={action}
      titleLabel={t('prototypes.field.ideaTitle')}
      submit={t('prototypes.idea.save')}
      cancel={idea ? ideaPath(library, idea.id) : ideatePath(library)}
    >
      {insights.length > 0 || form.errors.insights ? (
        <Checkboxes
          form={form}
          name="insights"
          label={t('prototypes.field.insights')}
          hint={t('prototypes.hint.insights')}
          options={insights.map((i) => ({ value: i.id, label: i.text }))}
        />
      ) : (
        <p class="hint">
          {t('prototypes.idea.noInsights')} <a href={href(discoverRoutes.overview, { library: library.slug })}>{t('prototypes.idea.toDiscover')}</a>
        </p>
      )}
    </ItemFormPage>
  );
}
