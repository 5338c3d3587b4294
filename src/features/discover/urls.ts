import { href } from '../../server/route-contract';
import type { WorkspaceLibrary } from '../workspace/contracts';
import { discoverRoutes } from './route-table';

type LibraryRef = Pick<WorkspaceLibrary, 'slug'>;

/** The discover section of a library's workspace: its overview. */
export const discoverPath = (library: LibraryRef): string => href(discoverRoutes.overview, { library: library.slug });

const ACTIVITY = { view: discoverRoutes.activity, edit: discoverRoutes.editActivity, delete: discoverRoutes.deleteActivity } as const;
const INSIGHT = { view: discoverRoutes.insight, edit: discoverRoutes.editInsight, delete: discoverRoutes.deleteInsight } as const;

/** The page of one activity, or one of its actions (`edit`, `delete`). */
export const activityPath = (library: LibraryRef, id: string, action: keyof typeof ACTIVITY = 'view'): string =>
  href(ACTIVITY[action], { library: library.slug, activity: id });

/** The list of insights, optionally filtered by theme or activity. */
export const insightsPath = (library: LibraryRef, filter: { theme?: string; activity?: string } = {}): string =>
  href(discoverRoutes.insights, { library: library.slug }, filter);

/** The page of one insight, or one of its actions (`edit`, `delete`). */
export const insightPath = (library: LibraryRef, id: string, action: keyof typeof INSIGHT = 'view'): string =>
  href(INSIGHT[action], { library: library.slug, insight: id });
