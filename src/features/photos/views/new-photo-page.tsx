import { usePage } from '../../../ui/context';
import { ErrorSummary, fieldId, Form, SubmitButton, type FormState } from '../../../ui/forms';
import { WorkspaceLayout } from '../../../ui/workspace/layout';
import type { Subject, WorkspaceLibrary } from '../../workspace/contracts';
import { newPhotoPath, photosPath } from '../urls';
import { PhotoFileField, PhotoFields } from './photo-fields';

interface NewPhotoPageProps {
  library: WorkspaceLibrary;
  form: FormState;
  maxMegabytes: number;
  /** The activity or prototype the photo will be attached to, when the form was opened from one. */
  subject?: Subject;
}

/** The upload form, sent as multipart; the subject travels in a hidden field. */
export function NewPhotoPage({ library, form, maxMegabytes, subject }: NewPhotoPageProps) {
  const { t } = usePage();
  const subjectValue = form.values.subject;
  return (
    <WorkspaceLayout library={library} section="photos" title={t('photos.new.title')}>
      <div class="narrow">
        <ErrorSummary form={form} />
        <Form action={newPhotoPath(library)} encType="multipart/form-data">
          {/* A refused subject is dropped, so sending the form again adds the photo on its own. */}
          {typeof subjectValue === 'string' && subjectValue !== '' && !form.errors.subject && (
            <input type="hidden" name="subject" value={subjectValue} />
          )}
          {subject && (
            <p>
              {t('photos.subject.for')} <a href={subject.path}>{subject.title}</a>
            </p>
          )}
          {form.errors.subject && (
            <p class="error-message" id={fieldId('subject')} tabIndex={-1}>
              {form.errors.subject}
            </p>
          )}
          <PhotoFileField form={form} maxMegabytes={maxMegabytes} />
          <PhotoFields form={form} />
          <SubmitButton>{t('photos.new.submit')}</SubmitButton>
        </Form>
        <p>
          <a href={photosPath(library)}>{t('photos.detail.back')}</a>
        </p>
      </div>
    </WorkspaceLayout>
  );
}
