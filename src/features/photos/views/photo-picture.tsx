import type { WorkspaceLibrary } from '../../workspace/contracts';
import type { Photo } from '../service';
import { photoFileUrl } from '../urls';

/** Width of a thumbnail in lists, in CSS pixels. */
const THUMBNAIL_WIDTH = 240;

/** Fits the reading column on wide screens, the screen width on narrow ones. */
const LARGE_SIZES = '(min-width: 68rem) 66rem, 100vw';

/**
 * A small copy of a photo, with its alt text: the smallest WebP file, a JPEG
 * for browsers without WebP. Width and height reserve the space before the
 * file arrives, so the page does not jump.
 */
export function PhotoThumbnail({ library, photo }: { library: WorkspaceLibrary; photo: Photo }) {
  const smallest = photo.widths[0] ?? photo.width;
  const width = Math.min(THUMBNAIL_WIDTH, photo.width);
  const height = Math.max(1, Math.round((photo.height * width) / photo.width));
  return (
    <picture>
      <source type="image/webp" srcset={photoFileUrl(library, photo.id, smallest, 'webp')} />
      <img
        src={photoFileUrl(library, photo.id, smallest, 'jpg')}
        alt={photo.alt}
        width={width}
        height={height}
        loading="lazy"
        decoding="async"
      />
    </picture>
  );
}

/** A photo at every size it has, so each screen downloads the smallest copy that fills it. */
export function PhotoPicture({ library, photo }: { library: WorkspaceLibrary; photo: Photo }) {
  const srcset = (format: 'webp' | 'jpg') => photo.widths.map((w) => `${photoFileUrl(library, photo.id, w, format)} ${w}w`).join(', ');
  const fallback = photo.widths[Math.floor((photo.widths.length - 1) / 2)] ?? photo.width;
  return (
    <picture>
      <source type="image/webp" srcset={srcset('webp')} sizes={LARGE_SIZES} />
      <img
        src={photoFileUrl(library, photo.id, fallback, 'jpg')}
        srcset={srcset('jpg')}
        sizes={LARGE_SIZES}
        alt={photo.alt}
        width={photo.width}
        height={photo.height}
        decoding="async"
      />
    </picture>
  );
}
