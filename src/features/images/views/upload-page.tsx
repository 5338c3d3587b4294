import { Layout, PageHeading } from '../../../ui/layout';
import { usePage } from '../../../ui/context';
import { ErrorSummary, fieldId, Form, SubmitButton, type FormState } from '../../../ui/forms';
import { DetailsFields } from './details-fields';

/** Accepted types, as a hint to the browser's file picker; the server checks the bytes itself. */
const ACCEPT = 'image/jpeg,image/png,image/webp,image/gif';

/**
 * The upload form, sent as multipart. After an error the other fields are
 * kept and the file field says to choose the file again.
 */
export function UploadPage({ form, maxMegabytes }: { form: FormState; maxMegabytes: number }) {
  const { t } = usePage();
  const error = form.errors.file;
  const shownAgain = Object.keys(form.errors).length > 0;
  const hintId = `${fieldId('file')}-hint`;
  const errorId = `${fieldId('file')}-error`;
  return (
    <Layout title={t('images.upload.title')}>
      <div class="narrow">
        <PageHeading title={t('images.upload.title')} />
        <ErrorSummary form={form} />
        <Form action="/images/new" encType="multipart/form-data">
          <div class={error ? 'field field-error' : 'field'}>
            <label for={fieldId('file')}>{t('images.field.file')}</label>
            <p class="hint" id={hintId}>
              {t('images.hint.file', { mb: maxMegabytes })}
              {shownAgain && ` ${t('images.hint.reselect')}`}
            </p>
            {error && (
              <p class="error-message" id={errorId}>
                {error}
              </p>
            )}
            <input
              id={fieldId('file')}
              name="file"
              type="file"
              accept={ACCEPT}
              required
              aria-invalid={error ? 'true' : undefined}
              aria-describedby={error ? `${hintId} ${errorId}` : hintId}
            />
          </div>
          <DetailsFields form={form} />
          <SubmitButton>{t('images.upload.submit')}</SubmitButton>
        </Form>
        <p>
          <a href="/images">{t('images.detail.back')}</a>
        </p>
      </div>
    </Layout>
  );
}
