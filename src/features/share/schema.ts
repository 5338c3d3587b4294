import Type from 'typebox';
import type { FormValues } from '../../ui/forms';
import type { Postcard, Story } from './service';

export const MAX_TITLE_LENGTH = 120;
export const MAX_POSTCARD_LENGTH = 1500;
export const MAX_STORY_TITLE_LENGTH = 200;
export const MAX_SUMMARY_LENGTH = 500;
export const MAX_SECTION_LENGTH = 20_000;
/** More photos than a story can usefully show; a longer list is a forged form. */
const MAX_STORY_PHOTOS = 24;
export const PostcardForm = Type.Object({
  title: Type.String({ minLength: 1, maxLength: MAX_TITLE_LENGTH, title: 'share.field.title', errorMessage: 'share.error.title' }),
  body: Type.String({ minLength: 1, maxLength: MAX_POSTCARD_LENGTH, title: 'share.field.body', errorMessage: 'share.error.body' }),
  // Photo ids are UUIDs; anything much longer is not one.
  photo: Type.String({ minLength: 1, maxLength: 100, title: 'share.field.photo', errorMessage: 'share.error.photo' }),
});

const Section = (title: 'share.field.before' | 'share.field.during' | 'share.field.after') =>
  Type.Optional(Type.String({ maxLength: MAX_SECTION_LENGTH, title }));

const PhotoList = (title: 'share.field.beforePhotos' | 'share.field.afterPhotos') =>
  Type.Array(Type.String({ maxLength: 100 }), { maxItems: MAX_STORY_PHOTOS, title, errorMessage: 'share.error.photos' });

export const StoryForm = Type.Object({
  title: Type.String({ minLength: 1, maxLength: MAX_STORY_TITLE_LENGTH, title: 'share.field.title', errorMessage: 'share.error.title' }),
  summary: Type.String({ minLength: 1, maxLength: MAX_SUMMARY_LENGTH, title: 'share.field.summary', errorMessage: 'share.error.summary' }),
  before: Section('share.field.before'),
  during: Section('share.field.during'),
  after: Section('share.field.after'),
  beforePhotos: PhotoList('share.field.beforePhotos'),
  afterPhotos: PhotoList('share.field.afterPhotos'),
});

/** A postcard's fields as form values, to edit it. */
export function postcardFormValues(postcard: Postcard): FormValues {
  return { title: postcard.title, body: postcard.body, photo: postcard.photoId };
}

/** A story's fields as form values, to edit it. */
export function storyFormValues(story: Story): FormValues {
  return {
    title: story.title,
    summary: story.summary,
    before: story.sections.before,
    during: story.sections.during,
    after: story.sections.after,
    beforePhotos: story.beforePhotoIds,
    afterPhotos: story.afterPhotoIds,
  };
}
