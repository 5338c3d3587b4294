import { usePage } from '../../../ui/context';
import { Checkboxes, Radios, type FormState } from '../../../ui/forms';
import type { WorkspaceLibrary } from '../../workspace/contracts';
import { isPublishable, type Photo } from '../../photos/service';
import { photoFileUrl } from '../../photos/urls';
import { PhotoPicture } from '../../photos/views/photo-picture';

/** Width of a photo thumbnail in a choice list, in CSS pixels. */
const THUMBNAIL_WIDTH = 120;

/** A small decorative copy of a photo (empty alt: its caption is written beside it). */
export function PhotoThumb({ library, photo }: { library: WorkspaceLibrary; photo: Photo }) {
  const smallest = photo.widths[0] ?? photo.width;
  const width = Math.min(THUMBNAIL_WIDTH, photo.width);
  const height = Math.max(1, Math.round((photo.height * width) / Math.max(1, photo.width)));
  return (
    <img src={photoFileUrl(library, photo.id, smallest, 'jpg')} alt="" width={width} height={height} loading="lazy" decoding="async" />
  );
}

/** A photo at reading size with its text alternative, caption and credit. */
export function PhotoFigure({ library, photo }: { library: WorkspaceLibrary; photo: Photo }) {
  const { t } = usePage();
  return (
    <figure class="share-photo">
      <PhotoPicture library={library} photo={photo} />
      {(photo.caption || photo.credit) && (
        <figcaption>
          {photo.caption}
          {photo.caption && photo.credit && ' — '}
          {photo.credit && t('images.caption.credit', { credit: photo.credit })}
        </figcaption>
      )}
    </figure>
  );
}

/** The words that name a photo in a list: its caption, else its text alternative. */
export function photoName(photo: Pick<Photo, 'caption' | 'alt'>, untitled: string): string {
  return photo.caption || photo.alt || untitled;
}

interface PhotoChoicesProps {
  library: WorkspaceLibrary;
  form: FormState;
  name: string;
  label: string;
  hint?: string;
  photos: Photo[];
  /** One photo (radio buttons) or several (checkboxes). */
  multiple?: boolean;
}

/**
 * The library's photos as a list of choices with thumbnails. Photos without
 * a release say so in words, not only by look, so the choice is clear to everyone.
 */
export function PhotoChoices({ library, photos, multiple = false, ...field }: PhotoChoicesProps) {
  const { t } = usePage();
  const options = photos.map((photo) => ({
    value: photo.id,
    label: (
      <>
        <PhotoThumb library={library} photo={photo} />
        <span>
          {photoName(photo, t('share.photo.untitled'))}
          {!isPublishable(photo) && <strong> ({t('share.photo.noRelease')})</strong>}
        </span>
      </>
    ),
  }));
  const Choices = multiple ? Checkboxes : Radios;
  return <Choices {...field} options={options} choicesClass="share-photo-choices" />;
}
