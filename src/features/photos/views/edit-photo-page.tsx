import { usePage } from '../../../ui/context';
import { ErrorSummary, Form, SubmitButton, type FormState } from '../../../ui/forms';
import { WorkspaceLayout } from '../../../ui/workspace/layout';
import type { WorkspaceLibrary } from '../../workspace/contracts';
import type { Photo } from '../service';
import { photoPath } from '../urls';
import { PhotoFields } from './photo-fields';
import { PhotoThumbnail } from './photo-picture';

/** The form to change a photo's kind, alt text, caption, credit and consent. */
export function EditPhotoPage({ library, photo, form }: { library: WorkspaceLibrary; photo: Photo; form: FormState }) {
  const { t } = usePage();
  return (
    <WorkspaceLayout library={library} section="photos" title={t('photos.edit.title')}>
      <div class="narrow">
        <PhotoThumbnail library={library} photo={photo} />
        <ErrorSummary form={form} />
        <Form action={photoPath(library, photo.id, 'edit')}>
          <PhotoFields form={form} />
          <div class="actions">
            <SubmitButton>{t('common.save')}</SubmitButton>
            <a href={photoPath(library, photo.id)}>{t('common.cancel')}</a>
          </div>
        </Form>
      </div>
    </WorkspaceLayout>
  );
}
