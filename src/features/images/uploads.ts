import type { FastifyRequest } from 'fastify';
import type { Upload } from '../../server/uploads';
import { MAX_UPLOAD_BYTES, type UnsupportedImageError } from './service';

/** The upload limit in megabytes, as forms state it. */
export const MAX_MEGABYTES = MAX_UPLOAD_BYTES / (1024 * 1024);

/** A variant's file name: its width and format, e.g. `960.webp`. */
export const VARIANT_FILE = /^(\d{1,5})\.(webp|jpg)$/;

/** Why the uploaded image file cannot be used, or undefined when it may be tried. */
export function fileProblem(upload: Upload | undefined, t: FastifyRequest['t']): string | undefined {
  if (!upload) return t('images.error.fileMissing');
  if (upload.tooLarge) return t('images.error.fileTooLarge', { mb: MAX_MEGABYTES });
  return undefined;
}

/** What to say next to the file field when the bytes are not an image we accept. */
export function unsupportedImageMessage(error: UnsupportedImageError, t: FastifyRequest['t']): string {
  return t(error.problem === 'tooManyPixels' ? 'images.error.tooManyPixels' : 'images.error.fileType');
}
