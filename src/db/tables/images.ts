/** Tables of the images feature (see migration 0006-images). */
export interface ImagesTables {
  images: ImagesTable;
  image_variants: ImageVariantsTable;
}

/** An uploaded image: its description and credit. The bytes live in its variants. */
export interface ImagesTable {
  id: string;
  /** Text alternative read by screen readers; required. */
  alt: string;
  /** Who made it, e.g. "Eswift"; '' when not given. */
  credit: string;
  /** Licence name, e.g. "CC BY 2.0"; '' when not given. */
  licence: string;
  /** Link to the licence text (https); '' when not given. */
  licence_url: string;
  /** Size of the original after applying its orientation, in pixels. */
  width: number;
  height: number;
  /**
   * 1 while only a library's workspace may show it (a workspace photo not yet
   * published): the public image route answers 404 and the admin list leaves
   * it out. Added by migration 0012-photos.
   */
  private: number;
  created_at: string;
  /** Null once the uploader's account is gone. */
  created_by: string | null;
  updated_at: string;
}

export type VariantFormat = 'webp' | 'jpeg';

/** One resized copy of an image in one format. Never changes once written. */
export interface ImageVariantsTable {
  image_id: string;
  width: number;
  height: number;
  format: VariantFormat;
  /** The encoded file (SQLite blob, PostgreSQL bytea). */
  bytes: Buffer;
}
