import type { Metadata } from 'sharp';
import type { VariantFormat } from '../../db/tables/images';

/** The widths every image is offered at, when the original is at least that wide. */
export const VARIANT_WIDTHS: readonly number[] = [480, 960, 1600];

/** The largest upload accepted, in bytes. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

/**
 * The most pixels an upload may decode to (e.g. 8000 × 6000). A small file
 * can claim a huge size; this stops it from exhausting the server's memory.
 */
const MAX_INPUT_PIXELS = 50_000_000;

/** Formats read from an upload's bytes that we accept; anything else (SVG, PDF, HEIF, text) is refused. */
const ACCEPTED_FORMATS = new Set(['jpeg', 'png', 'webp', 'gif']);

/** Why an upload was refused. */
export type UploadProblem = 'notImage' | 'tooManyPixels';

/** Thrown when an upload is not an image we can accept. */
export class UnsupportedImageError extends Error {
  constructor(readonly problem: UploadProblem) {
    super(`Unsupported image: ${problem}`);
  }
}

export interface Variant {
  width: number;
  height: number;
  format: VariantFormat;
  bytes: Buffer;
}

export interface ProcessedImage {
  /** Size of the original, upright. */
  width: number;
  height: number;
  variants: Variant[];
}

/** The variant widths for an original of this width: the standard ones that fit, or the original's own width. */
export function widthsFor(originalWidth: number): number[] {
  const fitting = VARIANT_WIDTHS.filter((w) => w <= originalWidth);
  return fitting.length > 0 ? fitting : [originalWidth];
}

/**
 * Checks an upload by its bytes and makes its variants.
 *
 * The type is what the image decoder finds in the bytes, never the file's
 * name or the browser's claim. Each variant is turned upright by its EXIF
 * orientation and written without metadata, so camera details and GPS
 * positions never reach the public.
 */
export async function processImage(bytes: Buffer): Promise<ProcessedImage> {
  // Loaded on the first upload: the image library and its native code would
  // otherwise add to every start and to the server's resident memory.
  const { default: sharp } = await import('sharp');
  const input = () => sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS });
  let metadata: Metadata;
  try {
    metadata = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch {
    throw new UnsupportedImageError('notImage');
  }
  if (!ACCEPTED_FORMATS.has(metadata.format)) throw new UnsupportedImageError('notImage');
  if (metadata.width * metadata.height > MAX_INPUT_PIXELS) throw new UnsupportedImageError('tooManyPixels');
  const { width, height } = metadata.autoOrient;
  const widths = widthsFor(width);
  const variants: Variant[] = [];
  try {
    // Decode the original once, at the largest width needed, and make every
    // variant from those pixels: a large photo is decoded once, not six times.
    const largest = await input()
      .autoOrient()
      .resize({ width: Math.max(...widths), withoutEnlargement: true })
      .raw()
      .toBuffer({ resolveWithObject: true });
    const { width: rawWidth, height: rawHeight, channels } = largest.info;
    const pixels = () => sharp(largest.data, { raw: { width: rawWidth, height: rawHeight, channels } });
    for (const target of widths) {
      const resized = () => pixels().resize({ width: target, withoutEnlargement: true });
      const webp = await resized().webp({ quality: 80 }).toBuffer({ resolveWithObject: true });
      // JPEG has no transparency: a transparent PNG is laid on white rather than black.
      const jpeg = await resized().flatten({ background: '#ffffff' }).jpeg({ quality: 82, mozjpeg: true }).toBuffer();
      variants.push({ width: webp.info.width, height: webp.info.height, format: 'webp', bytes: webp.data });
      variants.push({ width: webp.info.width, height: webp.info.height, format: 'jpeg', bytes: jpeg });
    }
  } catch {
    // The header was readable but the pixel data is not (a truncated or corrupt file).
    throw new UnsupportedImageError('notImage');
  }
  return { width, height, variants };
}
