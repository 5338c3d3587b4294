/** Tables of the content feature (see migration 0002). */

export interface ContentItemsTable {
  id: string;
  /** A `ContentType`: news, collection, curriculum, postcard, story or page. */
  type: string;
  /** Unique per type; made from the title when the item is created, then kept. */
  slug: string;
  title: string;
  /** The editor's summary, possibly empty. */
  summary: string;
  /** Plain text for lists: the summary, or the start of the body when there is none. */
  excerpt: string;
  /** Markdown. */
  body: string;
  library_id: string | null;
  image_id: string | null;
  /** JSON array of { title, url, description } (resource collections). */
  links: string;
  /** JSON { before, during, after } of Markdown (transformation stories), or null. */
  sections: string | null;
  /** Null: draft. Later than now: scheduled. Otherwise published. */
  published_at: string | null;
  created_at: string;
  created_by: string | null;
  updated_at: string;
  updated_by: string | null;
}

export interface ContentTagsTable {
  id: string;
  kind: 'topic' | 'phase' | 'audience';
  slug: string;
  name: string;
  created_at: string;
}

export interface ContentItemTagsTable {
  item_id: string;
  tag_id: string;
}

export interface ContentRevisionsTable {
  id: string;
  item_id: string;
  /** 1, 2, 3, … per item, in the order of the saves. */
  number: number;
  /** JSON of every editable field at the time of the save. */
  snapshot: string;
  created_at: string;
  created_by: string | null;
}

export interface ContentTables {
  content_items: ContentItemsTable;
  content_tags: ContentTagsTable;
  content_item_tags: ContentItemTagsTable;
  content_revisions: ContentRevisionsTable;
}
