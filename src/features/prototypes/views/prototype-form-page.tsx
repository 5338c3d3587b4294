import { usePage } from '../../../ui/context';
import { Select, TextArea, TextField, type FormState } from '../../../ui/forms';
import type { WorkspaceLibrary } from '../../workspace/contracts';
import { ideatePath, prototypePath, type Prototype } from '../service';
import { MAX_MATERIALS } from '../schema';
import { ItemFormPage } from './item-form';
import { href } from '../../../server/route-contract';
import { prototypesRoutes } from '../route-table';

interface PrototypeFormPageProps {
  library: WorkspaceLibrary;
  form: FormState;
  ideas: Array<{ id: string; title: string }>;
  /** The prototype being edited; absent when adding one. */
  prototype?: Prototype;
}

/** Adding or editing a prototype: what it is, what it is made of, what it cost and the idea it tries. */
export function PrototypeFormPage({ library, form, ideas, prototype }: PrototypeFormPageProps) {
  const { t } = usePage();
  const title = prototype ? t('prototypes.prototype.editTitle', { title: prototype.title }) : t('prototypes.prototype.newTitle');
  const action = prototype
    ? href(prototypesRoutes.updatePrototype, { library: library.slug, prototype: prototype.id })
    : href(prototypesRoutes.createPrototype, { library: library.slug });
  return (
    <ItemFormPage
      library={library}
      form={form}
      title={title}
      action={action}
      titleLabel={t('prototypes.field.prototypeTitle')}
      submit={t('prototypes.prototype.save')}
      cancel={prototype ? prototypePath(library, prototype.id) : ideatePath(library)}
    >
      <TextArea
        form={form}
        name="materials"
        label={t('prototypes.field.materials')}
        hint={t('prototypes.hint.materials')}
        optional
        rows={4}
        maxLength={MAX_MATERIALS}
      />
      <TextField
        form={form}
        name="cost"
        label={t('prototypes.field.cost')}
        hint={t('prototypes.hint.cost')}
        inputMode="decimal"
        width="short"
        optional
      />
      <Select
        form={form}
        name="idea"
        label={t('prototypes.field.idea')}
        options={ideas.map((i) => ({ value: i.id, label: i.title }))}
        emptyLabel={t('prototypes.idea.none')}
        optional
      />
    </ItemFormPage>
  );
}
