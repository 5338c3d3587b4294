import { usePage } from '../../../ui/context';
import { ConfirmForm } from '../../../ui/forms';
import { WorkspaceLayout } from '../../../ui/workspace/layout';
import type { WorkspaceLibrary } from '../../workspace/contracts';
import type { Photo } from '../service';
import { photoPath } from '../urls';
import { PhotoThumbnail } from './photo-picture';

/**
 * Asks before deleting a photo. A photo on the hub cannot be deleted: the
 * page says why instead of offering the button.
 */
export function DeletePhotoPage({ library, photo }: { library: WorkspaceLibrary; photo: Photo }) {
  const { t } = usePage();
  return (
    <WorkspaceLayout library={library} section="photos" title={t('photos.delete.title')}>
      <div class="narrow">
        <PhotoThumbnail library={library} photo={photo} />
        {photo.publishedAt ? (
          <>
            <p>{t('photos.delete.published')}</p>
            <p>
              <a href={photoPath(library, photo.id)}>{t('photos.detail.back')}</a>
            </p>
          </>
        ) : (
          <>
            <p>{t('photos.delete.body')}</p>
            <ConfirmForm action={photoPath(library, photo.id, 'delete')} submit={t('photos.delete.submit')} cancel={photoPath(library, photo.id)} />
          </>
        )}
      </div>
    </WorkspaceLayout>
  );
}
