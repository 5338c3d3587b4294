import type { FastifyInstance } from 'fastify';
import { emptyForm, type FieldErrors } from '../../ui/forms';
import { pageNumber } from '../../ui/pagination';
import { HttpError } from '../../server/http-error';
import { addRoute, href } from '../../server/route-contract';
import { acceptUploads, type Upload } from '../../server/uploads';
import { MAX_UPLOAD_BYTES, UnsupportedImageError } from './service';
import { fileProblem, MAX_MEGABYTES, unsupportedImageMessage, VARIANT_FILE } from './uploads';
import { imagesRoutes as paths } from './route-table';
import { imageFormValues, readImageForm } from './schema';
import { ImagesPage } from './views/images-page';
import { UploadPage } from './views/upload-page';
import { ImagePage } from './views/image-page';

/** A year: variants never change once written, so browsers and proxies may keep them. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

/** Uploading and describing images (admins), and serving their variants (everyone). */
export async function imagesRoutes(app: FastifyInstance) {
  const { images } = app.services;

  await acceptUploads(app, MAX_UPLOAD_BYTES);

  /** The image named by `:image`, or a 404. */
  async function imageFrom(id: string) {
    const image = await images.getImage(id);
    if (!image) throw new HttpError(404);
    return image;
  }

  addRoute(app, paths.list, async (request, reply) => {
    const result = await images.listImages(pageNumber(request.query.page));
    return reply.view(<ImagesPage result={result} />);
  });

  addRoute(app, paths.new, async (_request, reply) => {
    return reply.view(<UploadPage form={emptyForm()} maxMegabytes={MAX_MEGABYTES} />);
  });

  addRoute(app, paths.upload, async (request, reply) => {
    const body = (request.body ?? {}) as { upload?: Upload };
    const form = readImageForm(body, request.t);
    const errors: FieldErrors = {};
    const problem = fileProblem(body.upload, request.t);
    if (problem) errors.file = problem;
    if (form.ok && body.upload && !problem) {
      try {
        const image = await images.createImage(body.upload.bytes, form.value, request.actor?.id ?? null);
        return reply.flash('success', request.t('images.upload.done')).redirect(href(paths.image, { image: image.id }), 303);
      } catch (error) {
        if (!(error instanceof UnsupportedImageError)) throw error;
        errors.file = unsupportedImageMessage(error, request.t);
      }
    }
    const shown = { values: form.values, errors: { ...errors, ...(form.ok ? {} : form.errors) } };
    return reply.view(<UploadPage form={shown} maxMegabytes={MAX_MEGABYTES} />, 400);
  });

  addRoute(app, paths.image, async (request, reply) => {
    const image = await imageFrom(request.params.image);
    return reply.view(<ImagePage image={image} form={emptyForm(imageFormValues(image))} />);
  });

  addRoute(app, paths.update, async (request, reply) => {
    const image = await imageFrom(request.params.image);
    const form = readImageForm(request.body, request.t);
    if (!form.ok) return reply.view(<ImagePage image={image} form={form} />, 400);
    await images.updateImage(image.id, form.value);
    return reply.flash('success', request.t('images.detail.saved')).redirect(href(paths.image, { image: image.id }), 303);
  });

  addRoute(app, paths.file, async (request, reply) => {
    const { image, file } = request.params;
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
