import { href } from '../../server/route-contract';
import type { WorkspaceLibrary } from '../workspace/contracts';
import { photosRoutes } from './route-table';

type LibrarySlug = Pick<WorkspaceLibrary, 'slug'>;

/** The library's photo list, e.g. `/libraries/madison/photos`. */
export const photosPath = (library: LibrarySlug): string => href(photosRoutes.list, { library: library.slug });

const PAGES = { view: photosRoutes.photo, edit: photosRoutes.edit, delete: photosRoutes.delete } as const;

/** One photo's page, or one of its sub-pages (`edit`, `delete`). */
export const photoPath = (library: LibrarySlug, id: string, page: keyof typeof PAGES = 'view'): string =>
  href(PAGES[page], { library: library.slug, photo: id });

/** One resized copy of a photo, served only to the library's readers. */
export const photoFileUrl = (library: LibrarySlug, id: string, width: number, format: 'webp' | 'jpg'): string =>
  href(photosRoutes.file, { library: library.slug, photo: id, file: `${width}.${format}` });

/** The upload form; with a subject, the new photo is attached to that activity or prototype. */
export const newPhotoPath = (library: LibrarySlug, subject?: { type: 'activity' | 'prototype'; id: string }): string =>
  href(photosRoutes.new, { library: library.slug }, { subject: subject && `${subject.type}:${subject.id}` });
