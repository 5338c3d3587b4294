import type { Kysely } from 'kysely';
import type { DB } from '../../db/types';
import { newId, nowIso } from '../../db/ids';
import { translator, type Locale } from '../../i18n';
import type { WorkspaceService } from '../workspace/service';
import type { WorkspaceLibrary } from '../workspace/contracts';
import type { ContentInput, ContentService, StorySections } from '../content/service';
import { contentPath, type ContentType } from '../content/urls';
import { PhotoNotPublishableError, isPublishable, type Photo, type PhotosService } from '../photos/service';
import type { DiscoverService } from '../discover/service';
import type { SurveyResultsService } from '../surveys/results';
import type { PrototypesService } from '../prototypes/service';
import type { PlanService } from '../plan/service';
import type { LibrariesService } from '../libraries/service';
import { createShareRepository, type PostcardRow, type StoryRow } from './repository';
import { assembleStory } from './assemble';
import { paginate } from '../../db/pagination';
import { href } from '../../server/route-contract';
import { shareRoutes } from './route-table';

export interface ShareDeps {
  db: Kysely<DB>;
  workspace: WorkspaceService;
  content: ContentService;
  photos: PhotosService;
  discover: DiscoverService;
  surveyResults: SurveyResultsService;
  prototypes: PrototypesService;
  plan: PlanService;
  libraries: LibrariesService;
}

export type StoryStatus = 'none' | 'draft' | 'submitted' | 'published';

/** A postcard as the workspace shows it. */
export interface Postcard {
  id: string;
  libraryId: string;
  title: string;
  /** Markdown. */
  body: string;
  photoId: string;
  /** The hub page, once the postcard was first published. */
  hubPath: string | null;
  /** When it went on the hub; null while it is not there. */
  publishedAt: string | null;
  /** Edited since it was last published: the hub still shows the earlier text. */
  changedSincePublished: boolean;
  createdAt: string;
  updatedAt: string;
}

/** What staff write on a postcard. */
export interface PostcardInput {
  title: string;
  body: string;
  photoId: string;
}

/** The library's transformation story as the workspace shows it. */
export interface Story {
  id: string;
  libraryId: string;
  title: string;
  summary: string;
  sections: StorySections;
  status: Exclude<StoryStatus, 'none'>;
  hubPath: string | null;
  beforePhotoIds: string[];
  afterPhotoIds: string[];
  submittedAt: string | null;
  approvedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** What staff edit on a story. */
export interface StoryInput {
  title: string;
  summary: string;
  sections: StorySections;
  beforePhotoIds: string[];
  afterPhotoIds: string[];
}

/** Refused: the photo is not one of the library's photos (forged or deleted). */
export class UnknownPhotoError extends Error {
  constructor(readonly photoId: string) {
    super(`Photo ${photoId} is not a photo of this library`);
  }
}

/** Refused: a story photo has no release; names the photo for the message. */
export class StoryPhotoNotPublishableError extends Error {
  constructor(readonly photo: Pick<Photo, 'id' | 'caption' | 'alt'>) {
    super(`Photo ${photo.id} has no release and cannot be published`);
  }
}

/** Refused: the story is not in the state the step needs (e.g. approving a draft). */
export class StoryStateError extends Error {
  constructor(readonly status: StoryStatus) {
    super(`The story is ${status}`);
  }
}

const PAGE_SIZE = 25;
/** Photos an assembled story starts with, of each kind. */
const ASSEMBLED_PHOTOS = 4;

const hubPath = (type: ContentType, slug: string | null) => (slug ? contentPath(type, slug) : null);

const toPostcard = (row: PostcardRow): Postcard => ({
  id: row.id,
  libraryId: row.library_id,
  title: row.title,
  body: row.body,
  photoId: row.photo_id,
  hubPath: hubPath('postcard', row.hub_slug),
  publishedAt: row.published_at,
  changedSincePublished: row.published_at !== null && row.updated_at > row.published_at,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

const parseIds = (json: string): string[] => JSON.parse(json) as string[];

const toStory = (row: StoryRow): Story => ({
  id: row.id,
  libraryId: row.library_id,
  title: row.title,
  summary: row.summary,
  sections: JSON.parse(row.sections) as StorySections,
  status: row.status,
  hubPath: hubPath('story', row.hub_slug),
  beforePhotoIds: parseIds(row.before_photo_ids),
  afterPhotoIds: parseIds(row.after_photo_ids),
  submittedAt: row.submitted_at,
  approvedAt: row.approved_at,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

/** The workspace path of the share section and its pages. */
export const sharePaths = {
  overview: (library: Pick<WorkspaceLibrary, 'slug'>) => href(shareRoutes.overview, { library: library.slug }),
  postcard: (library: Pick<WorkspaceLibrary, 'slug'>, id: string) => href(shareRoutes.postcard, { library: library.slug, postcard: id }),
  story: (library: Pick<WorkspaceLibrary, 'slug'>) => href(shareRoutes.story, { library: library.slug }),
};

/**
 * Postcards and the transformation story: what a library shares with the
 * library world. Drafts live in the workspace; publishing goes through the
 * content service, and only photos with a release ever reach the hub.
 */
export function createShareService(deps: ShareDeps) {
  const { db, content, photos, libraries, workspace } = deps;
  const repo = createShareRepository(db);

  /** The photo if it is one of the library's, else UnknownPhotoError. */
  async function libraryPhoto(libraryId: string, photoId: string): Promise<Photo> {
    const photo = await photos.getPhoto(libraryId, photoId);
    if (!photo) throw new UnknownPhotoError(photoId);
    return photo;
  }

  /**
   * Creates the hub item, or saves over the one made before, then publishes
   * it. Tags an editor added on the hub are kept. A first publication at a
   * past `at` (demo data, imports) keeps that date as the item's last change
   * too, so it does not read as newly added.
   */
  async function publishOnHub(
    existingId: string | null,
    type: 'postcard' | 'story',
    input: Omit<ContentInput, 'tagIds'>,
    writerId: string | null,
    at: string | undefined,
  ): Promise<{ id: string; slug: string }> {
    const writer = writerId ? { id: writerId } : null;
    const existing = existingId ? await content.getItem(existingId) : undefined;
    if (!existing && at) {
      const imported = await content.importItem({ type, ...input, tagIds: [] }, { publishedAt: at, updatedAt: at }, writer);
      return { id: imported.id, slug: imported.slug };
    }
    const item = existing ?? (await content.createItem({ type, ...input, tagIds: [] }, writer));
    if (existing) await content.updateItem(existing.id, { ...input, tagIds: existing.tagIds }, writer);
    await content.publish(item.id, at, writer);
    return { id: item.id, slug: item.slug };
  }

  async function getStory(libraryId: string): Promise<Story | undefined> {
    const row = await repo.findStory(libraryId);
    return row && toStory(row);
  }

  /**
   * Whether the photo is still on the hub through something other than the
   * postcard `exceptId`: another published postcard, or the story once it has
   * been approved (a redraft keeps its hub copy until the next approval).
   */
  async function photoShownElsewhere(libraryId: string, photoId: string, exceptId: string): Promise<boolean> {
    if (await repo.photoOnOtherPublishedPostcard(libraryId, photoId, exceptId)) return true;
    const story = await getStory(libraryId);
    const onHub = story !== undefined && (story.status === 'published' || story.hubPath !== null);
    return onHub && [...story.beforePhotoIds, ...story.afterPhotoIds].includes(photoId);
  }

  async function photosById(libraryId: string, ids: string[]): Promise<Photo[]> {
    const found = await Promise.all(ids.map((id) => photos.getPhoto(libraryId, id)));
    return found.filter((p): p is Photo => p !== undefined);
  }

  const service = {
    /** The library's photos to choose from for a postcard or story, newest first. */
    photoChoices: (libraryId: string): Promise<Photo[]> => photos.listForLibrary(libraryId),

    /** Photos of the library by id, in the order given; ids of other libraries are dropped. */
    photosById,

    /** A page (25 a page) of the library's postcards, newest first. */
    async listPostcards(libraryId: string, page: number) {
      const total = await repo.countPostcards(libraryId);
      return paginate(total, page, PAGE_SIZE, async (limit, offset) => (await repo.listPostcards(libraryId, limit, offset)).map(toPostcard));
    },

    /** One postcard of the library; undefined for unknown ids and other libraries' postcards. */
    async getPostcard(libraryId: string, id: string): Promise<Postcard | undefined> {
      const row = await repo.findPostcard(libraryId, id);
      return row && toPostcard(row);
    },

    /**
     * Writes a new postcard draft. Throws UnknownPhotoError unless the photo
     * is the library's. `at` backdates demo data and imports.
     */
    async createPostcard(libraryId: string, input: PostcardInput, writerId: string | null, at?: string): Promise<Postcard> {
      await libraryPhoto(libraryId, input.photoId);
      const now = at ?? nowIso();
      const row: PostcardRow = {
        id: newId(),
        library_id: libraryId,
        content_item_id: null,
        hub_slug: null,
        published_at: null,
        photo_id: input.photoId,
        title: input.title,
        body: input.body,
        created_by: writerId,
        updated_by: writerId,
        created_at: now,
        updated_at: now,
      };
      await repo.insertPostcard(row);
      return toPostcard(row);
    },

    /** Saves a postcard's text and photo; the hub changes only when it is published again. False when unknown. */
    async updatePostcard(libraryId: string, id: string, input: PostcardInput, writerId: string | null): Promise<boolean> {
      await libraryPhoto(libraryId, input.photoId);
      return repo.updatePostcard(libraryId, id, {
        title: input.title,
        body: input.body,
        photo_id: input.photoId,
        updated_by: writerId,
        updated_at: nowIso(),
      });
    },

    /**
     * Publishes the postcard on the hub, with the library and its photo; the
     * first time makes the hub item, later times update it. Throws
     * PhotoNotPublishableError, before anything is published, when the photo
     * has no release. Undefined when the postcard is unknown.
     */
    async publishPostcard(libraryId: string, id: string, writerId: string | null, at?: string): Promise<Postcard | undefined> {
      const row = await repo.findPostcard(libraryId, id);
      if (!row) return undefined;
      const photo = await libraryPhoto(libraryId, row.photo_id);
      if (!isPublishable(photo)) throw new PhotoNotPublishableError(photo.id);
      const imageId = await photos.publish(libraryId, photo.id);
      const item = await publishOnHub(
        row.content_item_id,
        'postcard',
        { title: row.title, summary: '', body: row.body, libraryId, imageId, links: [], sections: null },
        writerId,
        at,
      );
      const publishedAt = at ?? nowIso();
      // A backdated publication (demo data) also backdates the draft, so it does not read as changed since.
      const patch = { content_item_id: item.id, hub_slug: item.slug, published_at: publishedAt };
      await repo.updatePostcard(libraryId, id, at ? { ...patch, updated_at: at } : patch);
      return service.getPostcard(libraryId, id);
    },

    /**
     * Takes the postcard off the hub; it stays in the workspace. Its photo goes
     * private again (and may be deleted or lose its release) unless another
     * published postcard or the story on the hub still shows it. False when unknown.
     */
    async unpublishPostcard(libraryId: string, id: string, writerId: string | null): Promise<boolean> {
      const row = await repo.findPostcard(libraryId, id);
      if (!row) return false;
      if (row.content_item_id) await content.unpublish(row.content_item_id, writerId ? { id: writerId } : null);
      await repo.updatePostcard(libraryId, id, { published_at: null });
      if (!(await photoShownElsewhere(libraryId, row.photo_id, id))) await photos.unpublish(libraryId, row.photo_id);
      return true;
    },

    /**
     * Links a postcard already on the hub (e.g. one an editor posted for the
     * library) to the workspace, so it is not written twice. Undefined when the
     * item is not a published postcard of this library or is linked already.
     */
    async adoptHubPostcard(libraryId: string, contentItemId: string, photoId: string, writerId: string | null) {
      const item = await content.getItem(contentItemId);
      if (!item || item.type !== 'postcard' || item.libraryId !== libraryId || item.status !== 'published') return undefined;
      if ((await repo.linkedContentIds(libraryId)).includes(item.id)) return undefined;
      await libraryPhoto(libraryId, photoId);
      const publishedAt = item.publishedAt as string;
      const row: PostcardRow = {
        id: newId(),
        library_id: libraryId,
        content_item_id: item.id,
        hub_slug: item.slug,
        published_at: publishedAt,
        photo_id: photoId,
        title: item.title,
        body: item.body,
        created_by: writerId,
        updated_by: writerId,
        created_at: publishedAt,
        updated_at: publishedAt,
      };
      await repo.insertPostcard(row);
      return toPostcard(row);
    },

    /** The library's story, or undefined before it is first assembled. */
    getStory,

    /**
     * Assembles the story's draft from the workspace: the community, the
     * space before, discovery, prototypes and decisions, the plan and
     * budget, the space after and survey highlights, written in `locale`.
     * Replaces the text of an existing story, which becomes a draft again
     * (its hub copy, if any, stays until the next approval).
     */
    async assembleStory(library: WorkspaceLibrary, locale: Locale, writerId: string | null): Promise<Story> {
      const [details, before, after, discovery, prototypes, plan, surveys] = await Promise.all([
        libraries.getLibraryBySlug(library.slug),
        photos.listForLibrary(library.id, { kind: 'before' }),
        photos.listForLibrary(library.id, { kind: 'after' }),
        deps.discover.highlights(library.id),
        deps.prototypes.summary(library.id),
        deps.plan.summary(library.id),
        deps.surveyResults.highlights(library.id, locale),
      ]);
      if (!details) throw new Error(`Library ${library.slug} is missing`);
      const beforePhotos = before.filter(isPublishable).slice(0, ASSEMBLED_PHOTOS);
      const afterPhotos = after.filter(isPublishable).slice(0, ASSEMBLED_PHOTOS);
      const draft = assembleStory(
        { library: details, beforePhotos, afterPhotos, discovery, prototypes, plan, surveys },
        translator(locale),
        locale,
      );
      const now = nowIso();
      const fields = {
        title: draft.title,
        summary: draft.summary,
        sections: JSON.stringify(draft.sections),
        status: 'draft' as const,
        before_photo_ids: JSON.stringify(beforePhotos.map((p) => p.id)),
        after_photo_ids: JSON.stringify(afterPhotos.map((p) => p.id)),
        updated_by: writerId,
        updated_at: now,
      };
      const existing = await repo.findStory(library.id);
      if (existing) {
        await repo.updateStory(library.id, fields);
      } else {
        await repo.insertStory({
          id: newId(),
          library_id: library.id,
          ...fields,
          content_item_id: null,
          hub_slug: null,
          submitted_by: null,
          submitted_at: null,
          approved_by: null,
          approved_at: null,
          created_by: writerId,
          created_at: now,
        });
      }
      return (await getStory(library.id)) as Story;
    },

    /**
     * Saves staff's edits. Photos must be the library's (UnknownPhotoError).
     * A submitted or published story becomes a draft again, so an admin
     * approves exactly the text that goes on the hub. False when there is no story.
     */
    async updateStory(libraryId: string, input: StoryInput, writerId: string | null): Promise<boolean> {
      if (!(await repo.findStory(libraryId))) return false;
      for (const id of [...input.beforePhotoIds, ...input.afterPhotoIds]) await libraryPhoto(libraryId, id);
      await repo.updateStory(libraryId, {
        title: input.title,
        summary: input.summary,
        sections: JSON.stringify(input.sections),
        before_photo_ids: JSON.stringify([...new Set(input.beforePhotoIds)]),
        after_photo_ids: JSON.stringify([...new Set(input.afterPhotoIds)]),
        status: 'draft',
        updated_by: writerId,
        updated_at: nowIso(),
      });
      return true;
    },

    /** Asks an admin to approve the draft. Throws StoryStateError unless it is a draft; false when there is no story. */
    async submitStory(libraryId: string, writerId: string | null): Promise<boolean> {
      const story = await repo.findStory(libraryId);
      if (!story) return false;
      if (story.status !== 'draft') throw new StoryStateError(story.status);
      await repo.updateStory(libraryId, { status: 'submitted', submitted_by: writerId, submitted_at: nowIso() });
      return true;
    },

    /**
     * An admin's approval: checks every chosen photo may be published
     * (StoryPhotoNotPublishableError names the first that may not), then
     * publishes the story on the hub with the first after-photo as its image.
     * Throws StoryStateError unless the story was submitted; false when there is none.
     */
    async approveStory(libraryId: string, adminId: string | null, at?: string): Promise<boolean> {
      const row = await repo.findStory(libraryId);
      if (!row) return false;
      if (row.status !== 'submitted') throw new StoryStateError(row.status);
      const story = toStory(row);
      const ids = [...story.beforePhotoIds, ...story.afterPhotoIds];
      const chosen = await Promise.all(ids.map((id) => libraryPhoto(libraryId, id)));
      const refused = chosen.find((photo) => !isPublishable(photo));
      if (refused) throw new StoryPhotoNotPublishableError(refused);
      const imageIds = new Map<string, string>();
      for (const photo of chosen) {
        try {
          imageIds.set(photo.id, await photos.publish(libraryId, photo.id));
        } catch (error) {
          if (error instanceof PhotoNotPublishableError) throw new StoryPhotoNotPublishableError(photo);
          throw error;
        }
      }
      const cover = story.afterPhotoIds[0] ?? story.beforePhotoIds[0];
      const item = await publishOnHub(
        row.content_item_id,
        'story',
        {
          title: story.title,
          summary: story.summary,
          body: story.summary,
          libraryId,
          imageId: (cover && imageIds.get(cover)) || null,
          links: [],
          sections: story.sections,
        },
        adminId,
        at,
      );
      await repo.updateStory(libraryId, {
        status: 'published',
        content_item_id: item.id,
        hub_slug: item.slug,
        approved_by: adminId,
        approved_at: at ?? nowIso(),
      });
      return true;
    },

    /** What the journey shows: postcards on the hub, and the story's state. */
    async counts(libraryId: string): Promise<{ postcards: number; story: StoryStatus }> {
      const [postcards, story] = await Promise.all([repo.countPublishedPostcards(libraryId), repo.findStory(libraryId)]);
      return { postcards, story: story?.status ?? 'none' };
    },
  };

  // Comment threads find postcards and the story only within their own library.
  workspace.registerSubject('postcard', async (library, id) => {
    const postcard = await repo.findPostcard(library.id, id);
    return postcard && { title: postcard.title, path: sharePaths.postcard(library, postcard.id) };
  });
  workspace.registerSubject('story', async (library, id) => {
    const story = await repo.findStory(library.id);
    return story?.id === id ? { title: story.title, path: sharePaths.story(library) } : undefined;
  });

  // The journey's Share checklist: a postcard published, and the story published.
  workspace.registerEvidence(async (libraryId) => {
    const { postcards, story } = await service.counts(libraryId);
    const published = story === 'published';
    return [
      { item: 'postcard', done: postcards > 0, n: postcards },
      { item: 'story', done: published, n: published ? 1 : 0 },
    ];
  });

  return service;
}

export type ShareService = ReturnType<typeof createShareService>;
