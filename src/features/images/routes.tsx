import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { emptyForm, type FieldErrors } from '../../ui/forms';
import { pageNumber } from '../../ui/pagination';
import { HttpError } from '../../server/http-error';
import { MAX_UPLOAD_BYTES, UnsupportedImageError } from './service';
import { imageFormValues, readImageForm } from './schema';
import { ImagesPage } from './views/images-page';
import { UploadPage } from './views/upload-page';
import { ImagePage } from './views/image-page';

const manage = { config: { can: 'content.manage' } } as const;
const MAX_MEGABYTES = MAX_UPLOAD_BYTES / (1024 * 1024);

/** A variant's file name: its width and format, e.g. `960.webp`. */
export const VARIANT_FILE = /^(\d{1,5})\.(webp|jpg)$/;

/** A year: variants never change once written, so browsers and proxies may keep them. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

/** The uploaded file as read from a multipart body. */
export interface Upload {
  bytes: Buffer;
  /** True when the file was longer than the limit and was cut short. */
  tooLarge: boolean;
}

/**
 * Reads a multipart upload into `request.body`: its text fields, and the
 * file under `upload`. A file over the size limit is cut short and flagged
 * rather than refused outright, so the form can say so next to the field.
 */
export async function readUpload(request: FastifyRequest) {
  if (!request.isMultipart()) return;
  const fields: Record<string, string | Upload> = {};
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        const bytes = await part.toBuffer();
        if (part.fieldname === 'file' && bytes.length > 0 && !fields.upload) {
          fields.upload = { bytes, tooLarge: part.file.truncated };
        }
      } else if (typeof part.value === 'string' && !(part.fieldname in fields)) {
        fields[part.fieldname] = part.value;
      }
    }
  } catch (error) {
    request.log.info({ err: error }, 'unreadable upload');
    throw new HttpError(400);
  }
  request.body = fields;
}

/** Why the uploaded file cannot be used, or undefined when it may be tried. */
export function fileProblem(upload: Upload | undefined, t: FastifyRequest['t']): string | undefined {
  if (!upload) return t('images.error.fileMissing');
  if (upload.tooLarge) return t('images.error.fileTooLarge', { mb: MAX_MEGABYTES });
  return undefined;
}

/** What to say next to the file field when the bytes are not an image we accept. */
export function unsupportedImageMessage(error: UnsupportedImageError, t: FastifyRequest['t']): string {
  return t(error.problem === 'tooManyPixels' ? 'images.error.tooManyPixels' : 'images.error.fileType');
}

/** Uploading and describing images (admins), and serving their variants (everyone). */
export async function imagesRoutes(app: FastifyInstance) {
  const { images } = app.services;

  // Scoped to this plugin: only the upload form accepts multipart bodies.
  await app.register(multipart, {
    limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 20, fieldSize: 64 * 1024, parts: 25 },
    throwFileSizeLimit: false,
  });

  /** The image named by `:image`, or a 404. */
  async function imageFrom(params: unknown) {
    const image = await images.getImage((params as { image: string }).image);
    if (!image) throw new HttpError(404);
    return image;
  }

  app.get('/images', manage, async (request, reply) => {
    const result = await images.listImages(pageNumber((request.query as Record<string, unknown>).page));
    return reply.view(<ImagesPage result={result} />);
  });

  app.get('/images/new', manage, async (_request, reply) => {
    return reply.view(<UploadPage form={emptyForm()} maxMegabytes={MAX_MEGABYTES} />);
  });

  // The CSRF token travels inside the multipart body, which is only read by
  // `readUpload`; the check therefore runs here, after it, not in the
  // app-wide hook that runs before any route hook.
  app.post(
    '/images/new',
    { config: { can: 'content.manage', csrf: false }, preValidation: [readUpload, app.csrfProtection] },
    async (request, reply) => {
      const body = (request.body ?? {}) as { upload?: Upload };
      const form = readImageForm(body, request.t);
      const errors: FieldErrors = {};
      const problem = fileProblem(body.upload, request.t);
      if (problem) errors.file = problem;
      if (form.ok && body.upload && !problem) {
        try {
          const image = await images.createImage(body.upload.bytes, form.value, request.actor?.id ?? null);
          return reply.flash('success', request.t('images.upload.done')).redirect(`/images/${image.id}`, 303);
        } catch (error) {
          if (!(error instanceof UnsupportedImageError)) throw error;
          errors.file = unsupportedImageMessage(error, request.t);
        }
      }
      const shown = { values: form.values, errors: { ...errors, ...(form.ok ? {} : form.errors) } };
      return reply.view(<UploadPage form={shown} maxMegabytes={MAX_MEGABYTES} />, 400);
    },
  );

  app.get('/images/:image', manage, async (request, reply) => {
    const image = await imageFrom(request.params);
    return reply.view(<ImagePage image={image} form={emptyForm(imageFormValues(image))} />);
  });

  app.post('/images/:image', manage, async (request, reply) => {
    const image = await imageFrom(request.params);
    const form = readImageForm(request.body, request.t);
    if (!form.ok) return reply.view(<ImagePage image={image} form={form} />, 400);
    await images.updateImage(image.id, form.value);
    return reply.flash('success', request.t('images.detail.saved')).redirect(`/images/${image.id}`, 303);
  });

  app.get('/images/:image/:file', { config: { can: 'site.view' } }, async (request, reply) => {
    const { image, file } = request.params as { image: string; file: string };
    const match = VARIANT_FILE.exec(file);
    if (!match) throw new HttpError(404);
    const format = match[2] === 'jpg' ? 'jpeg' : 'webp';
    const bytes = await images.variantBytes(image, Number(match[1]), format);
    if (!bytes) throw new HttpError(404);
    return (
      reply
        .header('cache-control', IMMUTABLE)
        // Newsletters and other sites may show the program's images.
        .header('cross-origin-resource-policy', 'cross-origin')
        .type(format === 'jpeg' ? 'image/jpeg' : 'image/webp')
        .send(bytes)
    );
  });
}
