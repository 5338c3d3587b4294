/** Tables of the photos feature (see migration 0012-photos). */
export interface PhotosTables {
  photos: PhotosTable;
}

/** A photo of a library's space, with what it shows and whether people in it agreed to publication. */
export interface PhotosTable {
  id: string;
  library_id: string;
  /** The uploaded image; private (images.private = 1) until the photo is published. */
  image_id: string;
  /** 'before', 'process' or 'after'. */
  kind: string;
  /** '' when not given. */
  caption: string;
  /** Text alternative; required. Kept in step with the image's own alt text. */
  alt: string;
  /** Who took it; '' when not given. */
  credit: string;
  /** 'release', 'no-people' or 'no-release'. */
  consent: string;
  /** 'activity' or 'prototype' when the photo belongs to one; null otherwise. */
  subject_type: string | null;
  subject_id: string | null;
  /** Size of the largest variant, in pixels. */
  width: number;
  height: number;
  /** JSON array of the image's variant widths, smallest first. */
  widths: string;
  /** When it was first published on the hub; null while it is private. */
  published_at: string | null;
  created_at: string;
  created_by: string | null;
  updated_at: string;
}
