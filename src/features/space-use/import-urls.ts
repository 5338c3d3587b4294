import { href } from '../../server/route-contract';
import { spaceUseRoutes } from './route-table';
import type { WorkspaceLibrary } from '../workspace/contracts';

type LibrarySlug = Pick<WorkspaceLibrary, 'slug'>;

/** The form uploading a Suma file into a space. */
export const importPath = (library: LibrarySlug, spaceId: string): string =>
  href(spaceUseRoutes.importForm, { library: library.slug, space: spaceId });

/** The preview and mapping step of an uploaded file; without `upload`, where the mapping form posts. */
export const importMapPath = (library: LibrarySlug, spaceId: string, upload?: string): string =>
  href(spaceUseRoutes.importMapForm, { library: library.slug, space: spaceId }, upload === undefined ? {} : { upload });
