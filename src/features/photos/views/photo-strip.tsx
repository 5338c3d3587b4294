import type { WorkspaceLibrary } from '../../workspace/contracts';
import type { Photo } from '../service';

/** Thumbnails of a few photos, each linking to its page; nothing when there are none. */
export function PhotoStrip(_props: { library: WorkspaceLibrary; photos: Photo[] }) {
  return null;
}
