import { sectionPath } from '../../ui/workspace/layout';
import type { WorkspaceLibrary } from '../workspace/contracts';

type LibrarySlug = Pick<WorkspaceLibrary, 'slug'>;

/** The library's photo list, e.g. `/libraries/madison/photos`. */
export const photosPath = (library: LibrarySlug): string => sectionPath(library, 'photos');

/** One photo's page, or one of its sub-pages (`edit`, `delete`). */
export const photoPath = (library: LibrarySlug, id: string, page?: 'edit' | 'delete'): string =>
  `${photosPath(library)}/${id}${page ? `/${page}` : ''}`;

/** One resized copy of a photo, served only to the library's readers. */
export const photoFileUrl = (library: LibrarySlug, id: string, width: number, format: 'webp' | 'jpg'): string =>
  `${photoPath(library, id)}/${width}.${format}`;

/** The upload form; with a subject, the new photo is attached to that activity or prototype. */
export const newPhotoPath = (library: LibrarySlug, subject?: { type: 'activity' | 'prototype'; id: string }): string =>
  `${photosPath(library)}/new${subject ? `?subject=${encodeURIComponent(`${subject.type}:${subject.id}`)}` : ''}`;
