/** Tables of the share feature (see migration 0013-share). */
export interface ShareTables {
  share_postcards: SharePostcardsTable;
  share_stories: ShareStoriesTable;
}

/** A postcard written in a library's workspace; published on the hub as a content item. */
export interface SharePostcardsTable {
  id: string;
  library_id: string;
  /** The hub item, made on first publication; null while the postcard was never published. */
  content_item_id: string | null;
  /** The hub item's slug, so lists link to it without loading it. */
  hub_slug: string | null;
  /** When it was last published on the hub; null when it is not on the hub now. */
  published_at: string | null;
  /** A workspace photo of the same library. */
  photo_id: string;
  title: string;
  /** Markdown. */
  body: string;
  created_by: string | null;
  updated_by: string | null;
  created_at: string;
  updated_at: string;
}

export type StoryRowStatus = 'draft' | 'submitted' | 'published';

/** A library's one transformation story, from assembly through approval. */
export interface ShareStoriesTable {
  id: string;
  library_id: string;
  title: string;
  summary: string;
  /** JSON of { before, during, after }, each Markdown. */
  sections: string;
  status: StoryRowStatus;
  content_item_id: string | null;
  hub_slug: string | null;
  /** JSON arrays of workspace photo ids, in the order shown. */
  before_photo_ids: string;
  after_photo_ids: string;
  submitted_by: string | null;
  submitted_at: string | null;
  approved_by: string | null;
  approved_at: string | null;
  created_by: string | null;
  updated_by: string | null;
  created_at: string;
  updated_at: string;
}
