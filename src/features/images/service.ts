import type { Kysely } from 'kysely';
import type { DB } from '../../db/types';
import type { VariantFormat } from '../../db/tables/images';
import { newId, nowIso } from '../../db/ids';
import { createImagesRepository, type ImageRow } from './repository';
import { processImage } from './processing';
import { paginate } from '../../db/pagination';

export { MAX_UPLOAD_BYTES, UnsupportedImageError, type UploadProblem } from './processing';

/** An image as pages show it: its text alternative, credit and the widths it is offered at. */
export interface ImageInfo {
  id: string;
  alt: string;
  credit: string;
  licence: string;
  /** The licence's address (https), or '' when none was given. */
  licenceUrl: string;
  /** Size of the largest variant, for the width and height attributes that avoid layout shift. */
  width: number;
  height: number;
  /** Variant widths, smallest first; each is served as WebP and as JPEG. */
  widths: number[];
}

/** An image in the admin list. */
export interface ImageSummary extends ImageInfo {
  createdAt: string;
}

/** What an editor says about an image. */
export interface ImageDetails {
  alt: string;
  credit: string;
  licence: string;
  licenceUrl: string;
}

const PAGE_SIZE = 25;

/** Joins an image row with its variant sizes. */
function toInfo(row: ImageRow, sizes: { width: number; height: number }[]): ImageSummary {
  const largest = sizes[sizes.length - 1] ?? { width: Number(row.width), height: Number(row.height) };
  return {
    id: row.id,
    alt: row.alt,
    credit: row.credit,
    licence: row.licence,
    licenceUrl: row.licence_url,
    width: Number(largest.width),
    height: Number(largest.height),
    widths: sizes.map((s) => Number(s.width)),
    createdAt: row.created_at,
  };
}

/**
 * Uploaded images: checked by their bytes, turned upright, stripped of
 * metadata and stored as responsive WebP and JPEG variants, with alt text,
 * credit and licence for their caption.
 */
export function createImagesService({ db }: { db: Kysely<DB> }) {
  const repo = createImagesRepository(db);

  /** Loads rows with their variant sizes, keeping the rows' order. */
  async function withSizes(rows: ImageRow[]): Promise<ImageSummary[]> {
    const sizes = await repo.widthsOf(rows.map((r) => r.id));
    return rows.map((row) => toInfo(row, sizes.filter((s) => s.image_id === row.id)));
  }

  return {
    /**
     * Stores an uploaded image; `private` keeps it off the public image route
     * and the admin list (a workspace photo not yet published). Throws `UnsupportedImageError` when the bytes
     * are not a JPEG, PNG, WebP or GIF image we can read.
     */
    async createImage(
      bytes: Buffer,
      details: ImageDetails,
      createdBy: string | null,
      options: { private?: boolean } = {},
    ): Promise<ImageInfo> {
      const processed = await processImage(bytes);
      const now = nowIso();
      const row: ImageRow = {
        id: newId(),
        alt: details.alt,
        credit: details.credit,
        licence: details.licence,
        licence_url: details.licenceUrl,
        width: processed.width,
        height: processed.height,
        private: options.private ? 1 : 0,
        created_at: now,
        created_by: createdBy,
        updated_at: now,
      };
      await repo.insert(
        row,
        processed.variants.map((v) => ({ image_id: row.id, width: v.width, height: v.height, format: v.format, bytes: v.bytes })),
      );
      return toInfo(
        row,
        processed.variants.filter((v) => v.format === 'webp'),
      );
    },

    /** One image, or undefined. */
    async getImage(id: string): Promise<ImageInfo | undefined> {
      const row = await repo.find(id);
      return row && (await withSizes([row]))[0];
    },

    /** A page (25 a page) of images, newest first, for the admin list and pickers. */
    async listImages(page: number) {
      const total = await repo.count();
      return paginate(total, page, PAGE_SIZE, async (limit, offset) => withSizes(await repo.list(limit, offset)));
    },

    /** Changes an image's alt text, credit and licence; false when there is no such image. */
    async updateImage(id: string, details: ImageDetails): Promise<boolean> {
      return repo.update(id, {
        alt: details.alt,
        credit: details.credit,
        licence: details.licence,
        licence_url: details.licenceUrl,
        updated_at: nowIso(),
      });
    },

    /** Makes an image public or private again; false when there is no such image. */
    setPrivate: (id: string, value: boolean): Promise<boolean> => repo.setPrivate(id, value ? 1 : 0),

    /** Removes an image and its files; the caller makes sure nothing shows it any more. */
    async deleteImage(id: string): Promise<void> {
      await repo.remove(id);
    },

    /**
     * The bytes of one variant, or undefined when the image has no such width
     * or format. Private images are left out unless `includePrivate` is set by
     * a route that has checked who may see them.
     */
    variantBytes: (id: string, width: number, format: VariantFormat, options: { includePrivate?: boolean } = {}): Promise<Buffer | undefined> =>
      repo.variantBytes(id, width, format, !options.includePrivate),
  };
}

export type ImagesService = ReturnType<typeof createImagesService>;
