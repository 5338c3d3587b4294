import { sectionPath } from '../../ui/workspace/layout';
import type { WorkspaceLibrary } from '../workspace/contracts';

type LibraryRef = Pick<WorkspaceLibrary, 'slug'>;

/** The discover section of a library's workspace: its overview. */
export const discoverPath = (library: LibraryRef): string => sectionPath(library, 'discover');

/** The page of one activity, or one of its actions (`edit`, `delete`). */
export const activityPath = (library: LibraryRef, id: string, action?: 'edit' | 'delete'): string =>
  `${discoverPath(library)}/activities/${encodeURIComponent(id)}${action ? `/${action}` : ''}`;

/** The list of insights, optionally filtered by theme or activity. */
export function insightsPath(library: LibraryRef, filter: { theme?: string; activity?: string } = {}): string {
  const query = new URLSearchParams();
  if (filter.theme) query.set('theme', filter.theme);
  if (filter.activity) query.set('activity', filter.activity);
  const search = query.toString();
  return `${discoverPath(library)}/insights${search ? `?${search}` : ''}`;
}

/** The page of one insight, or one of its actions (`edit`, `delete`). */
export const insightPath = (library: LibraryRef, id: string, action?: 'edit' | 'delete'): string =>
  `${discoverPath(library)}/insights/${encodeURIComponent(id)}${action ? `/${action}` : ''}`;
