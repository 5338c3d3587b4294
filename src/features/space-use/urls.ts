import { href } from '../../server/route-contract';
import { spaceUseRoutes } from './route-table';
import type { WorkspaceLibrary } from '../workspace/contracts';

type LibrarySlug = Pick<WorkspaceLibrary, 'slug'>;

/** The library's spaces, e.g. `/libraries/madison/space-use`. */
export const spaceUsePath = (library: LibrarySlug): string => href(spaceUseRoutes.spaces, { library: library.slug });

/** The form adding a space. */
export const newSpacePath = (library: LibrarySlug): string => href(spaceUseRoutes.newSpaceForm, { library: library.slug });

/** A space's edit form, or its sweep form. */
export const spacePath = (library: LibrarySlug, spaceId: string, page: 'edit' | 'sweeps/new'): string =>
  href(page === 'edit' ? spaceUseRoutes.editSpaceForm : spaceUseRoutes.newSweepForm, { library: library.slug, space: spaceId });

/** The library's recent sweeps. */
export const sweepsPath = (library: LibrarySlug): string => href(spaceUseRoutes.sweeps, { library: library.slug });

/** Where devices send the sweeps they recorded. */
export const syncPath = (library: LibrarySlug): string => href(spaceUseRoutes.sync, { library: library.slug });
