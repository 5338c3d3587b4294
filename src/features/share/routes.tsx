import type { FastifyInstance, FastifyRequest } from 'fastify';
import { HttpError } from '../../server/http-error';
import { addRoute } from '../../server/route-contract';
import { shareRoutes as paths } from './route-table';
import { scopedLibrary } from '../../server/library-scope';
import type { RequestLibrary } from '../../server/types';
import { emptyForm, validateForm, withError } from '../../ui/forms';
import { pageNumber } from '../../ui/pagination';
import { PhotoNotPublishableError, type PhotoKind } from '../photos/service';
import {
  StoryPhotoNotPublishableError,
  StoryStateError,
  UnknownPhotoError,
  sharePaths,
  type Postcard,
} from './service';
import { PostcardForm, StoryForm, postcardFormValues, storyFormValues } from './schema';
import { OverviewPage } from './views/overview-page';
import { PostcardFormPage } from './views/postcard-form-page';
import { PostcardPage } from './views/postcard-page';
import { AssembleConfirmPage, StoryPage } from './views/story-page';
import { StoryFormPage } from './views/story-form-page';
import { StoryPrintPage } from './views/story-print-page';
import { photoName } from './views/photos';

/** Postcards and the transformation story of a library's workspace. */
export async function shareRoutes(app: FastifyInstance) {
  const { share, workspace } = app.services;

  /** The postcard named by `:postcard`, only within the request's library; 404 otherwise. */
  async function postcardFrom(library: RequestLibrary, id: string): Promise<Postcard> {
    const postcard = await share.getPostcard(library.id, id);
    if (!postcard) throw new HttpError(404);
    return postcard;
  }

  async function storyFrom(library: RequestLibrary) {
    const story = await share.getStory(library.id);
    if (!story) throw new HttpError(404);
    return story;
  }

  /** Everything the postcard page shows; `error` explains a refused publication. */
  async function postcardPage(request: FastifyRequest, postcard: Postcard, error?: string) {
    const library = scopedLibrary(request);
    const [photos, comments] = await Promise.all([
      share.photosById(library.id, [postcard.photoId]),
      workspace.listComments(library.id, 'postcard', postcard.id),
    ]);
    return (
      <PostcardPage
        library={library}
        postcard={postcard}
        photo={photos[0]}
        comments={comments}
        error={error}
      />
    );
  }

  async function storyPage(request: FastifyRequest, error?: string) {
    const library = scopedLibrary(request);
    const story = await storyFrom(library);
    const [beforePhotos, afterPhotos, comments] = await Promise.all([
      share.photosById(library.id, story.beforePhotoIds),
      share.photosById(library.id, story.afterPhotoIds),
      workspace.listComments(library.id, 'story', story.id),
    ]);
    return (
      <StoryPage
        library={library}
        story={story}
        beforePhotos={beforePhotos}
        afterPhotos={afterPhotos}
        comments={comments}
        error={error}
      />
    );
  }

  /**
   * Reads the postcard form; the photo must be one of the library's.
   * Returns the input, or the form state to show again with status 400.
   */
  async function readPostcard(request: FastifyRequest) {
    const library = scopedLibrary(request);
    const form = validateForm(PostcardForm, request.body, request.t);
    if (!form.ok) return { form };
    const photos = await share.photoChoices(library.id);
    if (!photos.some((p) => p.id === form.value.photo)) return { form: withError(form.values, 'photo', request.t('share.error.photo')) };
    return { input: { title: form.value.title, body: form.value.body, photoId: form.value.photo } };
  }

  addRoute(app, paths.overview, async (request, reply) => {
    const library = scopedLibrary(request);
    const [postcards, story] = await Promise.all([
      share.listPostcards(library.id, pageNumber(request.query.page)),
      share.getStory(library.id),
    ]);
    return reply.view(
      <OverviewPage
        library={library}
        postcards={postcards}
        story={story}
      />,
    );
  });

  addRoute(app, paths.newPostcard, async (request, reply) => {
    const library = scopedLibrary(request);
    const photos = await share.photoChoices(library.id);
    return reply.view(<PostcardFormPage library={library} form={emptyForm()} photos={photos} />);
  });

  addRoute(app, paths.createPostcard, async (request, reply) => {
    const library = scopedLibrary(request);
    const read = await readPostcard(request);
    if (!read.input) {
      const photos = await share.photoChoices(library.id);
      return reply.view(<PostcardFormPage library={library} form={read.form} photos={photos} />, 400);
    }
    const postcard = await share.createPostcard(library.id, read.input, request.actor?.id ?? null);
    return reply
      .flash('success', request.t('share.flash.postcardSaved', { title: postcard.title }))
      .redirect(sharePaths.postcard(library, postcard.id), 303);
  });

  addRoute(app, paths.postcard, async (request, reply) => {
    const postcard = await postcardFrom(scopedLibrary(request), request.params.postcard);
    return reply.view(await postcardPage(request, postcard));
  });

  addRoute(app, paths.editPostcard, async (request, reply) => {
    const library = scopedLibrary(request);
    const postcard = await postcardFrom(library, request.params.postcard);
    const photos = await share.photoChoices(library.id);
    return reply.view(<PostcardFormPage library={library} form={emptyForm(postcardFormValues(postcard))} photos={photos} postcard={postcard} />);
  });

  addRoute(app, paths.updatePostcard, async (request, reply) => {
    const library = scopedLibrary(request);
    const postcard = await postcardFrom(library, request.params.postcard);
    const read = await readPostcard(request);
    if (!read.input) {
      const photos = await share.photoChoices(library.id);
      return reply.view(<PostcardFormPage library={library} form={read.form} photos={photos} postcard={postcard} />, 400);
    }
    await share.updatePostcard(library.id, postcard.id, read.input, request.actor?.id ?? null);
    return reply
      .flash('success', request.t('share.flash.postcardSaved', { title: read.input.title }))
      .redirect(sharePaths.postcard(library, postcard.id), 303);
  });

  addRoute(app, paths.publishPostcard, async (request, reply) => {
    const library = scopedLibrary(request);
    const postcard = await postcardFrom(library, request.params.postcard);
    try {
      await share.publishPostcard(library.id, postcard.id, request.actor?.id ?? null);
    } catch (error) {
      if (!(error instanceof PhotoNotPublishableError || error instanceof UnknownPhotoError)) throw error;
      const message = request.t(error instanceof PhotoNotPublishableError ? 'share.error.noRelease' : 'share.error.photo');
      return reply.view(await postcardPage(request, postcard, message), 400);
    }
    return reply
      .flash('success', request.t('share.flash.postcardPublished', { title: postcard.title }))
      .redirect(sharePaths.postcard(library, postcard.id), 303);
  });

  addRoute(app, paths.unpublishPostcard, async (request, reply) => {
    const library = scopedLibrary(request);
    const postcard = await postcardFrom(library, request.params.postcard);
    await share.unpublishPostcard(library.id, postcard.id, request.actor?.id ?? null);
    return reply
      .flash('success', request.t('share.flash.postcardUnpublished', { title: postcard.title }))
      .redirect(sharePaths.postcard(library, postcard.id), 303);
  });

  addRoute(app, paths.assembleStory, async (request, reply) => {
    const library = scopedLibrary(request);
    const existing = await share.getStory(library.id);
    // Assembling again replaces the text staff may have edited: ask first.
    if (existing && (request.body as Record<string, unknown> | undefined)?.confirm !== 'yes') {
      return reply.view(<AssembleConfirmPage library={library} story={existing} />);
    }
    await share.assembleStory(library, request.locale, request.actor?.id ?? null);
    return reply.flash('success', request.t('share.flash.assembled')).redirect(sharePaths.story(library), 303);
  });

  addRoute(app, paths.story, async (request, reply) => reply.view(await storyPage(request)));

  /** The photos a story may show: before photos in the first part, after photos in the last. */
  const storyPhotoChoices = async (libraryId: string) => {
    const all = await share.photoChoices(libraryId);
    const ofKind = (kind: PhotoKind) => all.filter((p) => p.kind === kind);
    return { beforePhotos: ofKind('before'), afterPhotos: ofKind('after') };
  };

  addRoute(app, paths.editStory, async (request, reply) => {
    const library = scopedLibrary(request);
    const story = await storyFrom(library);
    const choices = await storyPhotoChoices(library.id);
    return reply.view(<StoryFormPage library={library} form={emptyForm(storyFormValues(story))} {...choices} />);
  });

  addRoute(app, paths.updateStory, async (request, reply) => {
    const library = scopedLibrary(request);
    await storyFrom(library);
    const choices = await storyPhotoChoices(library.id);
    let form = validateForm(StoryForm, request.body, request.t);
    if (form.ok) {
      const known = (photos: { id: string }[], ids: string[]) => ids.every((id) => photos.some((p) => p.id === id));
      const field = !known(choices.beforePhotos, form.value.beforePhotos)
        ? 'beforePhotos'
        : !known(choices.afterPhotos, form.value.afterPhotos)
          ? 'afterPhotos'
          : undefined;
      if (field) form = { ok: false, ...withError(form.values, field, request.t('share.error.photos')) };
    }
    if (!form.ok) return reply.view(<StoryFormPage library={library} form={form} {...choices} />, 400);
    const { title, summary, before = '', during = '', after = '', beforePhotos, afterPhotos } = form.value;
    await share.updateStory(
      library.id,
      { title, summary, sections: { before, during, after }, beforePhotoIds: beforePhotos, afterPhotoIds: afterPhotos },
      request.actor?.id ?? null,
    );
    return reply.flash('success', request.t('share.flash.storySaved')).redirect(sharePaths.story(library), 303);
  });

  addRoute(app, paths.submitStory, async (request, reply) => {
    const library = scopedLibrary(request);
    await storyFrom(library);
    try {
      await share.submitStory(library.id, request.actor?.id ?? null);
    } catch (error) {
      if (!(error instanceof StoryStateError)) throw error;
      return reply.flash('info', request.t('share.flash.notSubmittable')).redirect(sharePaths.story(library), 303);
    }
    return reply.flash('success', request.t('share.flash.submitted')).redirect(sharePaths.story(library), 303);
  });

  addRoute(app, paths.approveStory, async (request, reply) => {
    const library = scopedLibrary(request);
    await storyFrom(library);
    try {
      await share.approveStory(library.id, request.actor?.id ?? null);
    } catch (error) {
      if (error instanceof StoryStateError) {
        return reply.flash('info', request.t('share.flash.notApprovable')).redirect(sharePaths.story(library), 303);
      }
      if (error instanceof StoryPhotoNotPublishableError) {
        const message = request.t('share.error.storyPhoto', { photo: photoName(error.photo, request.t('share.photo.untitled')) });
        return reply.view(await storyPage(request, message), 400);
      }
      if (error instanceof UnknownPhotoError) return reply.view(await storyPage(request, request.t('share.error.photos')), 400);
      throw error;
    }
    return reply.flash('success', request.t('share.flash.approved')).redirect(sharePaths.story(library), 303);
  });

  addRoute(app, paths.printStory, async (request, reply) => {
    const library = scopedLibrary(request);
    const story = await storyFrom(library);
    const [beforePhotos, afterPhotos] = await Promise.all([
      share.photosById(library.id, story.beforePhotoIds),
      share.photosById(library.id, story.afterPhotoIds),
    ]);
    return reply.view(<StoryPrintPage library={library} story={story} beforePhotos={beforePhotos} afterPhotos={afterPhotos} />);
  });
}
