import { sectionPath } from '../../ui/workspace/layout';
import type { WorkspaceLibrary } from '../workspace/contracts';

type LibrarySlug = Pick<WorkspaceLibrary, 'slug'>;

/** The library's spaces, e.g. `/libraries/madison/space-use`. */
export const spaceUsePath = (library: LibrarySlug): string => sectionPath(library, 'space-use');

/** The form adding a space. */
export const newSpacePath = (library: LibrarySlug): string => `${spaceUsePath(library)}/spaces/new`;

/** A space's edit form, or its sweep form. */
export const spacePath = (library: LibrarySlug, spaceId: string, page: 'edit' | 'sweeps/new'): string =>
  `${spaceUsePath(library)}/spaces/${spaceId}/${page}`;

/** The library's recent sweeps. */
export const sweepsPath = (library: LibrarySlug): string => `${spaceUsePath(library)}/sweeps`;

/** Where devices send the sweeps they recorded. */
export const syncPath = (library: LibrarySlug): string => `${spaceUsePath(library)}/sync`;
