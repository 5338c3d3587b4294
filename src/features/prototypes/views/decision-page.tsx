import { usePage } from '../../../ui/context';
import { ErrorSummary, Form, Radios, SubmitButton, TextArea, type FormState } from '../../../ui/forms';
import { WorkspaceLayout } from '../../../ui/workspace/layout';
import type { WorkspaceLibrary } from '../../workspace/contracts';
import { DECISIONS, prototypePath, type Prototype } from '../service';
import { MAX_REASON, UNDECIDED } from '../schema';
import { decisionLabel } from './decision-text';

/** Recording, changing or taking back the keep / change / drop decision on a prototype. */
export function DecisionPage({ library, prototype, form }: { library: WorkspaceLibrary; prototype: Prototype; form: FormState }) {
  const { t } = usePage();
  const path = prototypePath(library, prototype.id);
  return (
    <WorkspaceLayout
      library={library}
      section="ideate"
      title={t('prototypes.decision.title', { title: prototype.title })}
      lead={t('prototypes.decision.lead')}
    >
      <ErrorSummary form={form} />
      <Form action={`${path}/decision`}>
        <Radios
          form={form}
          name="decision"
          label={t('prototypes.field.decision')}
          options={[...DECISIONS, null].map((d) => ({ value: d ?? UNDECIDED, label: t(decisionLabel(d)) }))}
        />
        <TextArea
          form={form}
          name="reason"
          label={t('prototypes.field.reason')}
          hint={t('prototypes.hint.reason')}
          rows={5}
          maxLength={MAX_REASON}
        />
        <div class="actions">
          <SubmitButton>{t('prototypes.decision.save')}</SubmitButton>
          <a href={path}>{t('common.cancel')}</a>
        </div>
      </Form>
    </WorkspaceLayout>
  );
}
