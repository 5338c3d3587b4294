import { usePage } from '../../../ui/context';
import { SummaryList } from '../../../ui/table';
import { formatDateTime } from '../../../i18n/format';
import { WorkspaceLayout } from '../../../ui/workspace/layout';
import { CommentThread } from '../../../ui/workspace/comments';
import type { Subject, WorkspaceLibrary } from '../../workspace/contracts';
import type { Comment } from '../../workspace/service';
import { isPublishable, type Photo } from '../service';
import { photoPath, photosPath } from '../urls';
import { consentLabel, kindLabel } from './labels';
import { PhotoPicture } from './photo-picture';

interface PhotoPageProps {
  library: WorkspaceLibrary;
  photo: Photo;
  /** The activity or prototype it is attached to, when there is one and it still exists. */
  subject: Subject | undefined;
  comments: Comment[];
}

/** Whether the photo is on the hub, and whether it ever may be. */
function PublicationStatus({ photo }: { photo: Photo }) {
  const { t, locale, timeZone } = usePage();
  if (photo.publishedAt) return <>{t('photos.detail.published', { date: formatDateTime(photo.publishedAt, locale, timeZone) })}</>;
  return (
    <>
      {t('photos.detail.notPublished')}
      {!isPublishable(photo) && ` ${t('photos.detail.notPublishable')}`}
    </>
  );
}

/** One photo, large, with its details, where it is used and its comment thread. */
export function PhotoPage({ library, photo, subject, comments }: PhotoPageProps) {
  const { t, locale, timeZone, abilities } = usePage();
  const title = photo.caption || t('photos.detail.untitled', { kind: kindLabel(t, photo.kind) });
  return (
    <WorkspaceLayout library={library} section="photos" title={title}>
      <figure class="photo-large">
        <PhotoPicture library={library} photo={photo} />
      </figure>
      <SummaryList
        items={[
          [t('photos.detail.kind'), kindLabel(t, photo.kind)],
          [t('photos.detail.consent'), consentLabel(t, photo.consent)],
          [t('photos.field.alt'), photo.alt],
          [t('photos.detail.caption'), photo.caption || t('photos.detail.noCaption')],
          [t('photos.detail.credit'), photo.credit || t('photos.detail.noCredit')],
          [t('photos.detail.added'), formatDateTime(photo.createdAt, locale, timeZone)],
        ]}
      />
      <h2>{t('photos.detail.usedIn')}</h2>
      <ul>
        {subject && (
          <li>
            {t('photos.detail.attachedTo')}: <a href={subject.path}>{subject.title}</a>
          </li>
        )}
        <li>
          <PublicationStatus photo={photo} />
        </li>
      </ul>
      {abilities.work && (
        <p class="actions">
          <a class="button button-secondary" href={photoPath(library, photo.id, 'edit')}>
            {t('common.edit')}
          </a>
          <a class="button button-secondary" href={photoPath(library, photo.id, 'delete')}>
            {t('photos.delete.link')}
          </a>
        </p>
      )}
      <p>
        <a href={photosPath(library)}>{t('photos.detail.back')}</a>
      </p>
      <CommentThread library={library} type="photo" id={photo.id} comments={comments} />
    </WorkspaceLayout>
  );
}
