import type { Kysely } from 'kysely';
import type { DB } from '../../db/types';
import type { WorkspaceService } from '../workspace/service';
import type { ImagesService } from '../images/service';

export type PhotoKind = 'before' | 'process' | 'after';
export type PhotoConsent = 'release' | 'no-people' | 'no-release';
export type PhotoSubjectType = 'activity' | 'prototype';

/** A workspace photo with what it shows and whether it may be published. */
export interface Photo {
  id: string;
  libraryId: string;
  imageId: string;
  kind: PhotoKind;
  caption: string;
  alt: string;
  credit: string;
  consent: PhotoConsent;
  subjectType: PhotoSubjectType | null;
  subjectId: string | null;
  width: number;
  height: number;
  /** Variant widths, smallest first. */
  widths: number[];
  createdAt: string;
}

/** Refused: the photo has no release and may never be published. */
export class PhotoNotPublishableError extends Error {
  constructor(readonly photoId: string) {
    super(`Photo ${photoId} has no release and cannot be published`);
  }
}

export interface PhotosDeps {
  db: Kysely<DB>;
  workspace: WorkspaceService;
  images: ImagesService;
}

/** Before, process and after photos of a library, with consent that guards publishing. */
export function createPhotosService(_deps: PhotosDeps) {
  return {
    /** Photos attached to one discovery activity or prototype, oldest first. */
    async listForSubject(_libraryId: string, _type: PhotoSubjectType, _id: string): Promise<Photo[]> {
      return [];
    },
    /** A library's photos, optionally of one kind, newest first. */
    async listForLibrary(_libraryId: string, _filter: { kind?: PhotoKind } = {}): Promise<Photo[]> {
      return [];
    },
    /** One photo of the library, or undefined (also for another library's photo). */
    async getPhoto(_libraryId: string, _id: string): Promise<Photo | undefined> {
      return undefined;
    },
    /**
     * Makes the photo's image public for hub content and returns the image id.
     * Throws PhotoNotPublishableError when it has no release.
     */
    async publish(_libraryId: string, photoId: string): Promise<string> {
      throw new PhotoNotPublishableError(photoId);
    },
    async counts(_libraryId: string) {
      return { before: 0, process: 0, after: 0, total: 0 };
    },
  };
}

export type PhotosService = ReturnType<typeof createPhotosService>;
