import type { Kysely } from 'kysely';
import type { DB } from '../../db/types';
import { newId, nowIso } from '../../db/ids';
import { paginate, type Page } from '../../db/pagination';
import type { WorkspaceService } from '../workspace/service';
import type { WorkspaceLibrary } from '../workspace/contracts';
import type { ImagesService } from '../images/service';
import { createPhotosRepository, type PhotoFilter, type PhotoRow } from './repository';
import { photoPath } from './urls';

export const PHOTO_KINDS = ['before', 'process', 'after'] as const;
export const PHOTO_CONSENTS = ['release', 'no-people', 'no-release'] as const;
export const PHOTO_SUBJECT_TYPES = ['activity', 'prototype'] as const;

export type PhotoKind = (typeof PHOTO_KINDS)[number];
export type PhotoConsent = (typeof PHOTO_CONSENTS)[number];
export type PhotoSubjectType = (typeof PHOTO_SUBJECT_TYPES)[number];

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
  /** When it was first published on the hub; null while it is private to the workspace. */
  publishedAt: string | null;
  createdAt: string;
}

/** What staff say about a photo. */
export interface PhotoDetails {
  kind: PhotoKind;
  caption: string;
  alt: string;
  credit: string;
  consent: PhotoConsent;
}

/** The discovery activity or prototype a photo belongs to. */
export interface PhotoSubject {
  type: PhotoSubjectType;
  id: string;
}

/** Refused: the photo has no release and may never be published. */
export class PhotoNotPublishableError extends Error {
  constructor(readonly photoId: string) {
    super(`Photo ${photoId} has no release and cannot be published`);
  }
}

/** The library has no photo with this id (it may be another library's). */
export class PhotoNotFoundError extends Error {
  constructor(readonly photoId: string) {
    super(`Photo ${photoId} not found in this library`);
  }
}

/** Refused while the photo is on the hub: deleting it, or withdrawing its consent. */
export class PhotoIsPublishedError extends Error {
  constructor(readonly photoId: string) {
    super(`Photo ${photoId} is published on the hub`);
  }
}

/** The activity or prototype named for a new photo is not one of this library's. */
export class UnknownSubjectError extends Error {
  constructor() {
    super('Unknown activity or prototype');
  }
}

/** True unless the photo is marked "No release — do not publish". */
export function isPublishable(photo: Pick<Photo, 'consent'>): boolean {
  return photo.consent !== 'no-release';
}

export interface PhotosDeps {
  db: Kysely<DB>;
  workspace: WorkspaceService;
  images: ImagesService;
}

const PAGE_SIZE = 24;

const toPhoto = (row: PhotoRow): Photo => ({
  id: row.id,
  libraryId: row.library_id,
  imageId: row.image_id,
  kind: row.kind as PhotoKind,
  caption: row.caption,
  alt: row.alt,
  credit: row.credit,
  consent: row.consent as PhotoConsent,
  subjectType: row.subject_type as PhotoSubjectType | null,
  subjectId: row.subject_id,
  width: Number(row.width),
  height: Number(row.height),
  widths: JSON.parse(row.widths) as number[],
  publishedAt: row.published_at,
  createdAt: row.created_at,
});

/**
 * Before, process and after photos of a library, with consent that guards
 * publishing. A photo's image stays private (served only to the library's
 * readers) until the photo is published on the hub.
 */
export function createPhotosService({ db, workspace, images }: PhotosDeps) {
  const repo = createPhotosRepository(db);

  workspace.registerSubject('photo', async (library, id) => {
    const row = await repo.find(library.id, id);
    return row && { title: row.caption || row.alt, path: photoPath(library, row.id) };
  });

  /** The photo, or PhotoNotFoundError. */
  async function found(libraryId: string, id: string): Promise<PhotoRow> {
    const row = await repo.find(libraryId, id);
    if (!row) throw new PhotoNotFoundError(id);
    return row;
  }

  const service = {
    /**
     * Stores an uploaded photo of the library, its image private. Throws
     * UnknownSubjectError when the subject is not an activity or prototype of
     * this library, and the images feature's UnsupportedImageError when the
     * bytes are not an image it accepts. `createdAt` dates a photo added
     * later than it was taken, as the demo journeys do.
     */
    async createPhoto(
      library: WorkspaceLibrary,
      bytes: Buffer,
      details: PhotoDetails & { subject?: PhotoSubject },
      createdBy: string | null,
      options: { createdAt?: string } = {},
    ): Promise<Photo> {
      const { subject } = details;
      if (subject && !(await workspace.resolveSubject(library, subject.type, subject.id))) throw new UnknownSubjectError();
      const image = await images.createImage(
        bytes,
        { alt: details.alt, credit: details.credit, licence: '', licenceUrl: '' },
        createdBy,
        { private: true },
      );
      const now = options.createdAt ?? nowIso();
      const row: PhotoRow = {
        id: newId(),
        library_id: library.id,
        image_id: image.id,
        kind: details.kind,
        caption: details.caption,
        alt: details.alt,
        credit: details.credit,
        consent: details.consent,
        subject_type: subject?.type ?? null,
        subject_id: subject?.id ?? null,
        width: image.width,
        height: image.height,
        widths: JSON.stringify(image.widths),
        published_at: null,
        created_at: now,
        created_by: createdBy,
        updated_at: now,
      };
      await repo.insert(row);
      return toPhoto(row);
    },

    /** Photos attached to one discovery activity or prototype, oldest first. */
    async listForSubject(libraryId: string, type: PhotoSubjectType, id: string): Promise<Photo[]> {
      return (await repo.listForSubject(libraryId, type, id)).map(toPhoto);
    },

    /** A library's photos, optionally of one kind, newest first. */
    async listForLibrary(libraryId: string, filter: { kind?: PhotoKind } = {}): Promise<Photo[]> {
      return (await repo.list(libraryId, filter)).map(toPhoto);
    },

    /** A page (24 a page) of a library's photos, optionally of one kind, newest first. */
    async listPage(libraryId: string, filter: PhotoFilter, page: number): Promise<Page<Photo>> {
      const total = await repo.count(libraryId, filter);
      return paginate(total, page, PAGE_SIZE, async (limit, offset) => (await repo.listPage(libraryId, filter, limit, offset)).map(toPhoto));
    },

    /** One photo of the library, or undefined (also for another library's photo). */
    async getPhoto(libraryId: string, id: string): Promise<Photo | undefined> {
      const row = await repo.find(libraryId, id);
      return row && toPhoto(row);
    },

    /**
     * Changes what staff said about a photo, and the image's alt text and
     * credit with it, so hub content showing the image says the same. Throws
     * PhotoIsPublishedError when a published photo would lose its release:
     * it must come off the hub first.
     */
    async updatePhoto(libraryId: string, id: string, details: PhotoDetails): Promise<Photo> {
      const row = await found(libraryId, id);
      if (row.published_at && !isPublishable(details)) throw new PhotoIsPublishedError(id);
      const changes = { ...details, updated_at: nowIso() };
      await repo.update(libraryId, id, changes);
      await images.updateImage(row.image_id, { alt: details.alt, credit: details.credit, licence: '', licenceUrl: '' });
      return toPhoto({ ...row, ...changes });
    },

    /** Deletes a photo and its image files. Throws PhotoIsPublishedError while it is on the hub. */
    async deletePhoto(libraryId: string, id: string): Promise<void> {
      const row = await found(libraryId, id);
      if (row.published_at) throw new PhotoIsPublishedError(id);
      await repo.remove(libraryId, id);
      await images.deleteImage(row.image_id);
    },

    /**
     * Makes the photo's image public for hub content and returns the image id.
     * Throws PhotoNotPublishableError when it has no release, and
     * PhotoNotFoundError when the library has no such photo.
     */
    async publish(libraryId: string, photoId: string): Promise<string> {
      const row = await found(libraryId, photoId);
      if (!isPublishable(toPhoto(row))) throw new PhotoNotPublishableError(photoId);
      await images.setPrivate(row.image_id, false);
      // The first publication is kept: publishing again (a second postcard) changes nothing.
      if (!row.published_at) await repo.setPublishedAt(libraryId, photoId, nowIso());
      return row.image_id;
    },

    /**
     * Takes the photo off the hub: its image is private again, and it may be
     * deleted or its consent withdrawn. Call it once no hub content shows the
     * image any more. False when the library has no such photo.
     */
    async unpublish(libraryId: string, photoId: string): Promise<boolean> {
      const row = await repo.find(libraryId, photoId);
      if (!row) return false;
      await repo.setPublishedAt(libraryId, photoId, null);
      await images.setPrivate(row.image_id, true);
      return true;
    },

    /** How many photos the library has of each kind, and in all. */
    async counts(libraryId: string) {
      const counts = { before: 0, process: 0, after: 0, total: 0 };
      for (const { kind, n } of await repo.countByKind(libraryId)) {
        if ((PHOTO_KINDS as readonly string[]).includes(kind)) counts[kind as PhotoKind] = Number(n);
        counts.total += Number(n);
      }
      return counts;
    },
  };

  // Before photos belong to the journey's Flex phase, after photos to Transform.
  workspace.registerEvidence(async (libraryId) => {
    const { before, after } = await service.counts(libraryId);
    return [
      { item: 'beforePhotos', done: before > 0, n: before },
      { item: 'afterPhotos', done: after > 0, n: after },
    ];
  });

  return service;
}

export type PhotosService = ReturnType<typeof createPhotosService>;
