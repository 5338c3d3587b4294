import type { Kysely } from 'kysely';
import type { DB } from '../../db/types';
import { newId, nowIso } from '../../db/ids';
import type { SearchDocument, SearchIndex } from '../../db/search';
import { markdownToText } from '../../ui/markdown';
import type { LibrariesService } from '../libraries/service';
import { firstFreeSlug, slugify } from '../../i18n/slug';
import { isUniqueViolation } from '../../db/errors';
import type { ImagesService } from '../images/service';
import { createContentRepository, type AdminFilter, type ItemRow, type ItemStatus, type SummaryRow, type TagRow } from './repository';
import { contentPath, type ContentType } from './urls';
import { pageWindow } from '../../db/pagination';

export type { ItemStatus } from './repository';
export type TagKind = 'topic' | 'phase' | 'audience';
export const TAG_KINDS: readonly TagKind[] = ['topic', 'phase', 'audience'];

/** A topic, phase or audience tag. */
export interface Tag {
  id: string;
  kind: TagKind;
  slug: string;
  name: string;
}

/** One entry of a resource collection. */
export interface ContentLink {
  title: string;
  url: string;
  description: string;
}

/** A transformation story's three parts, each Markdown. */
export interface StorySections {
  before: string;
  during: string;
  after: string;
}

/** What lists, feeds and search results show of a published item. */
export interface PublishedSummary {
  id: string;
  type: ContentType;
  slug: string;
  /** The item's public address, e.g. /news/<slug>. */
  path: string;
  title: string;
  /** Plain text: the summary, or the start of the body. */
  summary: string;
  publishedAt: string;
  updatedAt: string;
  library: { id: string; slug: string; name: string } | null;
  imageId: string | null;
  tags: Tag[];
}

/** A published item with everything its page shows. */
export interface PublishedItem extends PublishedSummary {
  body: string;
  links: ContentLink[];
  sections: StorySections | null;
}

/** Every field an editor changes; a revision keeps exactly these. */
export interface ContentInput {
  title: string;
  /** May be empty: lists then show the start of the body. */
  summary: string;
  body: string;
  libraryId: string | null;
  imageId: string | null;
  links: ContentLink[];
  sections: StorySections | null;
  tagIds: string[];
}

/** A new item: its type (fixed from then on) and its fields. */
export type NewItemInput = ContentInput & { type: ContentType };

/** An item as its editor sees it, in any state. */
export interface AdminItem extends ContentInput {
  id: string;
  type: ContentType;
  slug: string;
  path: string;
  status: ItemStatus;
  publishedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** A row of the admin list. */
export interface AdminSummary {
  id: string;
  type: ContentType;
  title: string;
  path: string;
  status: ItemStatus;
  publishedAt: string | null;
  updatedAt: string;
}

/** One saved version of an item. */
export interface Revision {
  id: string;
  number: number;
  createdAt: string;
  createdBy: string | null;
  snapshot: ContentInput;
}

/** Who makes a change: a signed-in person, or nobody for demo data and imports. */
export type Writer = { id: string } | null;

export interface ContentDeps {
  db: Kysely<DB>;
  search: SearchIndex;
  images: Pick<ImagesService, 'getImage'>;
  libraries: LibrariesService;
}

/** Thrown when an input names a tag, library or image that does not exist. */
export class UnknownReferenceError extends Error {
  constructor(readonly field: 'tags' | 'library' | 'image') {
    super(`Unknown ${field}`);
  }
}

/** Thrown when a new tag's name makes a slug another tag has. */
export class TagExistsError extends Error {
  constructor(readonly slug: string) {
    super(`Tag ${slug} exists`);
  }
}

const ADMIN_PAGE_SIZE = 25;
const PUBLIC_PAGE_SIZE = 20;
const EXCERPT_LENGTH = 200;

/** The start of a text, cut at a word, with an ellipsis when cut. */
export function excerpt(text: string, length = EXCERPT_LENGTH): string {
  if (text.length <= length) return text;
  const cut = text.slice(0, length);
  const space = cut.lastIndexOf(' ');
  return `${(space > length / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:]+$/, '')}…`;
}

/** The state of an item at `now`. */
export function statusAt(publishedAt: string | null, now: string): ItemStatus {
  if (publishedAt === null) return 'draft';
  return publishedAt > now ? 'scheduled' : 'published';
}

const parseLinks = (json: string): ContentLink[] => JSON.parse(json) as ContentLink[];
const parseSections = (json: string | null): StorySections | null => (json ? (JSON.parse(json) as StorySections) : null);
const toTag = (row: Pick<TagRow, 'id' | 'kind' | 'slug' | 'name'>): Tag => ({ id: row.id, kind: row.kind, slug: row.slug, name: row.name });

/** The plain text the search index holds for an item. */
function searchText(input: ContentInput): string {
  const parts = [
    input.summary,
    markdownToText(input.body),
    ...input.links.map((l) => `${l.title} ${l.description}`),
    ...(input.sections ? [input.sections.before, input.sections.during, input.sections.after].map(markdownToText) : []),
  ];
  return parts.filter(Boolean).join('\n');
}

/**
 * Hub content: news, resource collections, curriculum outlines, postcards,
 * transformation stories and pages; their tags; and a revision of every save.
 * Keeps the search index in step with what is published.
 */
export function createContentService({ db, search, images, libraries }: ContentDeps) {
  const repo = createContentRepository(db);

  /** Library names for the items that have one: one query, only when needed. */
  async function libraryLinks(rows: { library_id: string | null }[]) {
    if (!rows.some((r) => r.library_id)) return new Map<string, PublishedSummary['library']>();
    const all = await libraries.allLibraries();
    return new Map(all.map((l) => [l.id, { id: l.id, slug: l.slug, name: l.name }]));
  }

  async function tagsByItem(itemIds: string[]): Promise<Map<string, Tag[]>> {
    const byItem = new Map<string, Tag[]>();
    for (const row of await repo.tagsOfItems(itemIds)) {
      const list = byItem.get(row.itemId) ?? [];
      list.push(toTag(row));
      byItem.set(row.itemId, list);
    }
    return byItem;
  }

  /** Lists need tags and libraries: two more queries for the whole page, never one per item. */
  async function summaries(rows: SummaryRow[]): Promise<PublishedSummary[]> {
    const [tags, libs] = await Promise.all([tagsByItem(rows.map((r) => r.id)), libraryLinks(rows)]);
    return rows.map((row) => ({
      id: row.id,
      type: row.type as ContentType,
      slug: row.slug,
      path: contentPath(row.type as ContentType, row.slug),
      title: row.title,
      summary: row.excerpt,
      // Only published rows reach here.
      publishedAt: row.published_at as string,
      updatedAt: row.updated_at,
      library: (row.library_id && libs.get(row.library_id)) || null,
      imageId: row.image_id,
      tags: tags.get(row.id) ?? [],
    }));
  }

  async function fullItems(rows: ItemRow[]): Promise<PublishedItem[]> {
    const list = await summaries(rows);
    return list.map((summary, index) => {
      const row = rows[index] as ItemRow;
      return { ...summary, body: row.body, links: parseLinks(row.links), sections: parseSections(row.sections) };
    });
  }

  /** The first free slug of a type for a title: "title", then "title-2", … */
  async function freeSlug(type: ContentType, title: string): Promise<string> {
    return firstFreeSlug(slugify(title, type), (candidates) => repo.takenSlugs(type, candidates));
  }

  /** Rejects inputs that name tags, libraries or images that do not exist (forged or stale forms). */
  async function checkReferences(input: ContentInput) {
    if (input.tagIds.length) {
      const known = new Set((await repo.listTags()).map((t) => t.id));
      if (!input.tagIds.every((id) => known.has(id))) throw new UnknownReferenceError('tags');
    }
    if (input.libraryId && !(await libraries.getLibrary(input.libraryId))) {
      throw new UnknownReferenceError('library');
    }
    if (input.imageId && !(await images.getImage(input.imageId))) throw new UnknownReferenceError('image');
  }

  const columnsOf = (input: ContentInput) => ({
    title: input.title,
    summary: input.summary,
    excerpt: excerpt(input.summary || markdownToText(input.body)),
    body: input.body,
    library_id: input.libraryId,
    image_id: input.imageId,
    links: JSON.stringify(input.links),
    sections: input.sections ? JSON.stringify(input.sections) : null,
  });

  const snapshotOf = (input: ContentInput): string =>
    JSON.stringify({
      title: input.title,
      summary: input.summary,
      body: input.body,
      libraryId: input.libraryId,
      imageId: input.imageId,
      links: input.links,
      sections: input.sections,
      tagIds: [...new Set(input.tagIds)],
    } satisfies ContentInput);

  /** Saves the item's fields, its tags and a revision in one transaction: all or nothing. */
  async function writeItem(row: ItemRow, input: ContentInput, writer: Writer, isNew: boolean) {
    await db.transaction().execute(async (trx) => {
      const tx = createContentRepository(trx);
      if (isNew) await tx.insertItem(row);
      else await tx.updateItem(row.id, { ...columnsOf(input), updated_at: row.updated_at, updated_by: row.updated_by });
      await tx.replaceItemTags(row.id, [...new Set(input.tagIds)]);
      await tx.insertRevision({
        id: newId(),
        item_id: row.id,
        number: await tx.nextRevisionNumber(row.id),
        snapshot: snapshotOf(input),
        created_at: row.updated_at,
        created_by: writer?.id ?? null,
      });
    });
  }

  /** Adds, refreshes or removes the item in the search index to match its state. */
  async function syncSearch(id: string) {
    const row = await repo.findItem(id);
    if (!row || row.published_at === null) {
      await search.remove(id);
      return;
    }
    const tags = (await tagsByItem([id])).get(id) ?? [];
    const doc: SearchDocument = {
      id,
      type: row.type,
      title: row.title,
      text: searchText(inputOf(row, tags)),
      tags: tags.map((t) => t.slug),
      publishedAt: row.published_at,
    };
    await search.upsert(doc);
  }

  const inputOf = (row: ItemRow, tags: Tag[]): ContentInput => ({
    title: row.title,
    summary: row.summary,
    body: row.body,
    libraryId: row.library_id,
    imageId: row.image_id,
    links: parseLinks(row.links),
    sections: parseSections(row.sections),
    tagIds: tags.map((t) => t.id),
  });

  async function create(
    { type, ...input }: NewItemInput,
    writer: Writer,
    dates: { publishedAt: string | null; createdAt: string; updatedAt: string },
  ): Promise<AdminItem> {
    await checkReferences(input);
    const row: ItemRow = {
      id: newId(),
      type,
      slug: await freeSlug(type, input.title),
      ...columnsOf(input),
      published_at: dates.publishedAt,
      created_at: dates.createdAt,
      created_by: writer?.id ?? null,
      updated_at: dates.updatedAt,
      updated_by: writer?.id ?? null,
    };
    // Two editors saving the same title at the same moment both find the
    // slug free; the second write then takes the next free one.
    for (let attempt = 1; ; attempt++) {
      try {
        await writeItem(row, input, writer, true);
        break;
      } catch (error) {
        if (!isUniqueViolation(error) || attempt >= 3) throw error;
        row.slug = await freeSlug(type, input.title);
      }
    }
    if (row.published_at) await syncSearch(row.id);
    return (await getItem(row.id)) as AdminItem;
  }

  /** One item in any state, for its editor; undefined when unknown. */
  async function getItem(id: string): Promise<AdminItem | undefined> {
    const row = await repo.findItem(id);
    if (!row) return undefined;
    const tags = (await tagsByItem([id])).get(id) ?? [];
    const type = row.type as ContentType;
    return {
      id: row.id,
      type,
      slug: row.slug,
      path: contentPath(type, row.slug),
      status: statusAt(row.published_at, nowIso()),
      publishedAt: row.published_at,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      ...inputOf(row, tags),
    };
  }

  /** Saves new field values over an item, keeping a revision; false when the item is unknown. */
  async function updateItem(id: string, input: ContentInput, writer: Writer): Promise<boolean> {
    const existing = await repo.findItem(id);
    if (!existing) return false;
    await checkReferences(input);
    const row: ItemRow = { ...existing, ...columnsOf(input), updated_at: nowIso(), updated_by: writer?.id ?? null };
    await writeItem(row, input, writer, false);
    if (existing.published_at) await syncSearch(id);
    return true;
  }

  return {
    /** Creates a draft; its slug comes from the title and never changes. */
    createItem: (input: NewItemInput, writer: Writer): Promise<AdminItem> => {
      const now = nowIso();
      return create(input, writer, { publishedAt: null, createdAt: now, updatedAt: now });
    },

    /**
     * Creates an item that already has a history elsewhere (demo data, an
     * import from an earlier site), keeping its original dates.
     */
    importItem: (input: NewItemInput, dates: { publishedAt: string; updatedAt: string }, writer: Writer) =>
      create(input, writer, { publishedAt: dates.publishedAt, createdAt: dates.publishedAt, updatedAt: dates.updatedAt }),

    updateItem,

    /** Publishes an item now, or at `at` (ISO) when given; false when unknown. */
    async publish(id: string, at: string | undefined, writer: Writer): Promise<boolean> {
      const now = nowIso();
      if (!(await repo.updateItem(id, { published_at: at ?? now, updated_at: now, updated_by: writer?.id ?? null }))) return false;
      await syncSearch(id);
      return true;
    },

    /** Makes an item a draft again and takes it out of search; false when unknown. */
    async unpublish(id: string, writer: Writer): Promise<boolean> {
      if (!(await repo.updateItem(id, { published_at: null, updated_at: nowIso(), updated_by: writer?.id ?? null }))) return false;
      await search.remove(id);
      return true;
    },

    getItem,

    /** A page (25 a page) of all items for admins, most recently changed first. */
    async listItems(filter: AdminFilter, page: number) {
      const now = nowIso();
      const total = await repo.countAdmin(filter, now);
      const { pages, page: current, offset } = pageWindow(total, page, ADMIN_PAGE_SIZE);
      const rows = total ? await repo.listAdmin(filter, now, ADMIN_PAGE_SIZE, offset) : [];
      const items: AdminSummary[] = rows.map((row) => ({
        id: row.id,
        type: row.type as ContentType,
        title: row.title,
        path: contentPath(row.type as ContentType, row.slug),
        status: statusAt(row.published_at, now),
        publishedAt: row.published_at,
        updatedAt: row.updated_at,
      }));
      return { items, page: current, pages, total };
    },

    /** Every saved version of an item, newest first. */
    async listRevisions(itemId: string): Promise<Revision[]> {
      return (await repo.listRevisions(itemId)).map((row) => ({
        id: row.id,
        number: Number(row.number),
        createdAt: row.created_at,
        createdBy: row.created_by,
        snapshot: JSON.parse(row.snapshot) as ContentInput,
      }));
    },

    /** One saved version of an item, or undefined. */
    async getRevision(itemId: string, revisionId: string): Promise<Revision | undefined> {
      const row = await repo.findRevision(itemId, revisionId);
      return (
        row && {
          id: row.id,
          number: Number(row.number),
          createdAt: row.created_at,
          createdBy: row.created_by,
          snapshot: JSON.parse(row.snapshot) as ContentInput,
        }
      );
    },

    /**
     * Puts an earlier version's fields back. The restore is itself a new
     * revision, so the version it replaced can be restored in turn. Tags,
     * libraries or images removed since are left out rather than failing.
     */
    async restoreRevision(itemId: string, revisionId: string, writer: Writer): Promise<boolean> {
      const row = await repo.findRevision(itemId, revisionId);
      if (!row) return false;
      const snapshot = JSON.parse(row.snapshot) as ContentInput;
      const [tags, library, image] = await Promise.all([
        repo.listTags(),
        snapshot.libraryId ? libraries.getLibrary(snapshot.libraryId) : undefined,
        snapshot.imageId ? images.getImage(snapshot.imageId) : undefined,
      ]);
      const known = new Set(tags.map((t) => t.id));
      return updateItem(
        itemId,
        {
          ...snapshot,
          tagIds: snapshot.tagIds.filter((id) => known.has(id)),
          libraryId: library ? snapshot.libraryId : null,
          imageId: image ? snapshot.imageId : null,
        },
        writer,
      );
    },

    /** Published items, newest first, 20 a page, by type, tag (slug) or library. */
    async listPublished(filter: { type?: ContentType; tag?: string; libraryId?: string }, page: number) {
      const now = nowIso();
      let tagId: string | undefined;
      if (filter.tag) {
        const tag = await repo.findTagBySlug(filter.tag);
        if (!tag) return { items: [] as PublishedSummary[], page: 1, pages: 1, total: 0 };
        tagId = tag.id;
      }
      const where = { type: filter.type, tagId, libraryId: filter.libraryId };
      const total = await repo.countPublished(where, now);
      const { pages, page: current, offset } = pageWindow(total, page, PUBLIC_PAGE_SIZE);
      const rows = total ? await repo.listPublished(where, now, PUBLIC_PAGE_SIZE, offset) : [];
      return { items: await summaries(rows), page: current, pages, total };
    },

    /** "Most recently added": published items other than pages, most recently changed first. */
    async recent(limit: number): Promise<PublishedSummary[]> {
      return summaries(await repo.recent(nowIso(), limit));
    },

    /** A published item by type and slug; drafts and items scheduled for later are not found. */
    async getPublished(type: ContentType, slug: string): Promise<PublishedItem | undefined> {
      const row = await repo.findPublished(type, slug, nowIso());
      return row && (await fullItems([row]))[0];
    },

    /** Published items by id (in the order asked), skipping unknown or unpublished ids. */
    async getPublishedByIds(ids: string[]): Promise<PublishedItem[]> {
      const items = await fullItems(await repo.publishedByIds([...new Set(ids)], nowIso()));
      const byId = new Map(items.map((item) => [item.id, item]));
      return ids.flatMap((id) => byId.get(id) ?? []);
    },

    /** An item in any state shown as its public page would show it, for an admin's preview. */
    async preview(id: string): Promise<PublishedItem | undefined> {
      const row = await repo.findItem(id);
      return row && (await fullItems([{ ...row, published_at: row.published_at ?? row.updated_at }]))[0];
    },

    /** Every published item, newest first (for the sitemap). */
    async allPublished(): Promise<PublishedSummary[]> {
      return summaries(await repo.allPublished(nowIso()));
    },

    /** Every tag, by kind then name. */
    async listTags(): Promise<Tag[]> {
      return (await repo.listTags()).map(toTag);
    },

    /** A tag by slug, or undefined. */
    async getTag(slug: string): Promise<Tag | undefined> {
      const row = await repo.findTagBySlug(slug);
      return row && toTag(row);
    },

    /** Adds a tag; its slug comes from the name and must be new. */
    async createTag(input: { kind: TagKind; name: string }): Promise<Tag> {
      const slug = slugify(input.name, 'tag');
      if (await repo.findTagBySlug(slug)) throw new TagExistsError(slug);
      const row: TagRow = { id: newId(), kind: input.kind, slug, name: input.name, created_at: nowIso() };
      await repo.insertTag(row);
      return toTag(row);
    },
  };
}

export type ContentService = ReturnType<typeof createContentService>;
