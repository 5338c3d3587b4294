import { usePage } from '../../../ui/context';
import { ErrorSummary, Form, Select, SubmitButton, TextArea, TextField, type FormState } from '../../../ui/forms';
import { WorkspaceLayout } from '../../../ui/workspace/layout';
import type { WorkspaceLibrary } from '../../workspace/contracts';
import { prototypePath, type Prototype, type TestSession } from '../service';
import { MAX_NOTES, MAX_PLACE } from '../schema';
import { href } from '../../../server/route-contract';
import { prototypesRoutes } from '../route-table';

interface SessionFormPageProps {
  library: WorkspaceLibrary;
  prototype: Prototype;
  form: FormState;
  surveys: Array<{ id: string; title: string }>;
  /** The session being edited; absent when adding one. */
  session?: TestSession;
}

/** Recording or editing a session in which patrons tried a prototype. */
export function SessionFormPage({ library, prototype, form, surveys, session }: SessionFormPageProps) {
  const { t } = usePage();
  const path = prototypePath(library, prototype.id);
  const title = session ? t('prototypes.session.editTitle', { title: prototype.title }) : t('prototypes.session.newTitle', { title: prototype.title });
  const action = session ? href(prototypesRoutes.updateSession, { library: library.slug, prototype: prototype.id, session: session.id }) : href(prototypesRoutes.createSession, { library: library.slug, prototype: prototype.id });
  return (
    <WorkspaceLayout library={library} section="ideate" title={title}>
      <ErrorSummary form={form} />
      <Form action={action}>
        <TextField form={form} name="heldOn" type="date" label={t('prototypes.field.heldOn')} hint={t('prototypes.hint.heldOn')} width="short" />
        <TextField form={form} name="place" label={t('prototypes.field.place')} hint={t('prototypes.hint.place')} maxLength={MAX_PLACE} />
        <TextField form={form} name="patrons" label={t('prototypes.field.patrons')} inputMode="numeric" width="short" />
        <TextArea form={form} name="observations" label={t('prototypes.field.observations')} optional rows={5} maxLength={MAX_NOTES} />
        <TextArea
          form={form}
          name="feedback"
          label={t('prototypes.field.feedback')}
          hint={t('prototypes.hint.feedback')}
          optional
          rows={5}
          maxLength={MAX_NOTES}
        />
        <Select
          form={form}
          name="survey"
          label={t('prototypes.field.survey')}
          hint={t('prototypes.hint.survey')}
          options={surveys.map((s) => ({ value: s.id, label: s.title }))}
          emptyLabel={t('prototypes.session.noSurvey')}
          optional
        />
        <div class="actions">
          <SubmitButton>{t('prototypes.session.save')}</SubmitButton>
          <a href={path}>{t('common.cancel')}</a>
        </div>
      </Form>
    </WorkspaceLayout>
  );
}
