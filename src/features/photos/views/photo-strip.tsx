import type { WorkspaceLibrary } from '../../workspace/contracts';
import type { Photo } from '../service';
import { photoPath } from '../urls';
import { PhotoThumbnail } from './photo-picture';

/** The most thumbnails a strip shows. */
const STRIP_LENGTH = 6;

/** Thumbnails of a few photos, each linking to its page; nothing when there are none. */
export function PhotoStrip({ library, photos }: { library: WorkspaceLibrary; photos: Photo[] }) {
  if (photos.length === 0) return null;
  return (
    <ul class="photo-strip">
      {photos.slice(0, STRIP_LENGTH).map((photo) => (
        <li key={photo.id}>
          {/* The image's alt text names the link. */}
          <a href={photoPath(library, photo.id)}>
            <PhotoThumbnail library={library} photo={photo} />
          </a>
        </li>
      ))}
    </ul>
  );
}
