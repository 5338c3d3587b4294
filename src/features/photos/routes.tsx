import type { FastifyInstance, FastifyRequest } from 'fastify';
import { HttpError } from '../../server/http-error';
import { addRoute } from '../../server/route-contract';
import { scopedLibrary } from '../../server/library-scope';
import type { RequestLibrary } from '../../server/types';
import { emptyForm, withError, type FieldErrors } from '../../ui/forms';
import { pageNumber } from '../../ui/pagination';
import { acceptUploads, type Upload } from '../../server/uploads';
import { fileProblem, unsupportedImageMessage, VARIANT_FILE } from '../images/uploads';
import { MAX_UPLOAD_BYTES, UnsupportedImageError } from '../images/service';
import { PHOTO_KINDS, PhotoIsPublishedError, UnknownSubjectError, type PhotoKind } from './service';
import { parseSubject, photoFormValues, readPhotoForm, readUploadForm } from './schema';
import { photosRoutes as paths } from './route-table';
import { photoPath, photosPath } from './urls';
import { PhotosPage } from './views/photos-page';
import { NewPhotoPage } from './views/new-photo-page';
import { PhotoPage } from './views/photo-page';
import { EditPhotoPage } from './views/edit-photo-page';
import { DeletePhotoPage } from './views/delete-photo-page';

const MAX_MEGABYTES = MAX_UPLOAD_BYTES / (1024 * 1024);

/** Workspace photos are private until published: browsers may keep them a while, shared caches never. */
const PRIVATE_CACHE = 'private, max-age=3600';

/** The kind asked for in the query, or undefined for all kinds (also for an unknown one). */
function kindFrom(kind: unknown): PhotoKind | undefined {
  return PHOTO_KINDS.find((k) => k === kind);
}

/** Before, during and after photos of a library's space, with their consent. */
export async function photosRoutes(app: FastifyInstance) {
  const { photos, workspace } = app.services;

  await acceptUploads(app, MAX_UPLOAD_BYTES);

  /** The library's photo named by `:photo`, or a 404 (also for another library's photo). */
  async function photoFrom(request: FastifyRequest, id: string) {
    const photo = await photos.getPhoto(scopedLibrary(request).id, id);
    if (!photo) throw new HttpError(404);
    return photo;
  }

  /** The activity or prototype named by a form's subject value, when it is one of this library's. */
  async function subjectOf(library: RequestLibrary, value: unknown) {
    const subject = parseSubject(value);
    return subject && workspace.resolveSubject(library, subject.type, subject.id);
  }

  addRoute(app, paths.list, async (request, reply) => {
    const library = scopedLibrary(request);
    const { query } = request;
    const kind = kindFrom(query.kind);
    const result = await photos.listPage(library.id, { kind }, pageNumber(query.page));
    return reply.view(<PhotosPage library={library} result={result} kind={kind} />);
  });

  addRoute(app, paths.new, async (request, reply) => {
    const library = scopedLibrary(request);
    const value = request.query.subject;
    const form = emptyForm(typeof value === 'string' ? { subject: value } : {});
    if (value === undefined) return reply.view(<NewPhotoPage library={library} form={form} maxMegabytes={MAX_MEGABYTES} />);
    const subject = await subjectOf(library, value);
    if (!subject) {
      const refused = withError(form.values, 'subject', request.t('photos.error.subject'));
      return reply.view(<NewPhotoPage library={library} form={refused} maxMegabytes={MAX_MEGABYTES} />, 400);
    }
    return reply.view(<NewPhotoPage library={library} form={form} maxMegabytes={MAX_MEGABYTES} subject={subject} />);
  });

  addRoute(app, paths.upload, async (request, reply) => {
    const library = scopedLibrary(request);
    const body = (request.body ?? {}) as { upload?: Upload };
    const form = readUploadForm(body, request.t);
    const errors: FieldErrors = {};
    const problem = fileProblem(body.upload, request.t);
    if (problem) errors.file = problem;
    if (form.ok && body.upload && !problem) {
      try {
        const photo = await photos.createPhoto(library, body.upload.bytes, form.value, request.actor?.id ?? null);
        return reply.flash('success', request.t('photos.new.done')).redirect(photoPath(library, photo.id), 303);
      } catch (error) {
        if (error instanceof UnsupportedImageError) errors.file = unsupportedImageMessage(error, request.t);
        else if (error instanceof UnknownSubjectError) errors.subject = request.t('photos.error.subject');
        else throw error;
      }
    }
    const shown = { values: form.values, errors: { ...errors, ...(form.ok ? {} : form.errors) } };
    const subject = await subjectOf(library, form.values.subject);
    return reply.view(<NewPhotoPage library={library} form={shown} maxMegabytes={MAX_MEGABYTES} subject={subject} />, 400);
  });

  addRoute(app, paths.photo, async (request, reply) => {
    const library = scopedLibrary(request);
    const photo = await photoFrom(request, request.params.photo);
    const [subject, comments] = await Promise.all([
      photo.subjectType && photo.subjectId ? workspace.resolveSubject(library, photo.subjectType, photo.subjectId) : undefined,
      workspace.listComments(library.id, 'photo', photo.id),
    ]);
    return reply.view(
      <PhotoPage
        library={library}
        photo={photo}
        subject={subject}
        comments={comments}
      />,
    );
  });

  addRoute(app, paths.edit, async (request, reply) => {
    const photo = await photoFrom(request, request.params.photo);
    return reply.view(<EditPhotoPage library={scopedLibrary(request)} photo={photo} form={emptyForm(photoFormValues(photo))} />);
  });

  addRoute(app, paths.update, async (request, reply) => {
    const library = scopedLibrary(request);
    const photo = await photoFrom(request, request.params.photo);
    const form = readPhotoForm(request.body, request.t);
    if (!form.ok) return reply.view(<EditPhotoPage library={library} photo={photo} form={form} />, 400);
    try {
      await photos.updatePhoto(library.id, photo.id, form.value);
    } catch (error) {
      if (!(error instanceof PhotoIsPublishedError)) throw error;
      const refused = withError(form.values, 'consent', request.t('photos.error.publishedConsent'));
      return reply.view(<EditPhotoPage library={library} photo={photo} form={refused} />, 400);
    }
    return reply.flash('success', request.t('photos.edit.done')).redirect(photoPath(library, photo.id), 303);
  });

  addRoute(app, paths.delete, async (request, reply) => {
    const photo = await photoFrom(request, request.params.photo);
    return reply.view(<DeletePhotoPage library={scopedLibrary(request)} photo={photo} />);
  });

  addRoute(app, paths.confirmDelete, async (request, reply) => {
    const library = scopedLibrary(request);
    const photo = await photoFrom(request, request.params.photo);
    try {
      await photos.deletePhoto(library.id, photo.id);
    } catch (error) {
      if (!(error instanceof PhotoIsPublishedError)) throw error;
      // Published on the hub: the page, shown again, explains why it stays.
      return reply.view(<DeletePhotoPage library={library} photo={await photoFrom(request, request.params.photo)} />, 409);
    }
    return reply.flash('success', request.t('photos.delete.done')).redirect(photosPath(library), 303);
  });

  addRoute(app, paths.file, async (request, reply) => {
    const photo = await photoFrom(request, request.params.photo);
    const match = VARIANT_FILE.exec(request.params.file);
    if (!match) throw new HttpError(404);
    const format = match[2] === 'jpg' ? 'jpeg' : 'webp';
    const bytes = await app.services.images.variantBytes(photo.imageId, Number(match[1]), format, { includePrivate: true });
    if (!bytes) throw new HttpError(404);
    return reply
      .header('cache-control', PRIVATE_CACHE)
      .type(format === 'jpeg' ? 'image/jpeg' : 'image/webp')
      .send(bytes);
  });
}
