import Type, { type Static } from 'typebox';
import type { Translate } from '../../i18n';
import { validateForm, type FormResult, type FormValues } from '../../ui/forms';
import { PHOTO_SUBJECT_TYPES, type Photo, type PhotoDetails, type PhotoSubject, type PhotoSubjectType } from './service';

export const MAX_CAPTION_LENGTH = 300;
export const MAX_ALT_LENGTH = 300;
export const MAX_CREDIT_LENGTH = 120;

/** What staff say about a photo, on the upload and edit forms. */
const detailsFields = {
  kind: Type.Union([Type.Literal('before'), Type.Literal('process'), Type.Literal('after')], {
    title: 'photos.field.kind',
    errorMessage: 'photos.error.kind',
  }),
  alt: Type.String({ minLength: 1, maxLength: MAX_ALT_LENGTH, title: 'photos.field.alt', errorMessage: 'photos.error.alt' }),
  caption: Type.Optional(Type.String({ maxLength: MAX_CAPTION_LENGTH, title: 'photos.field.caption' })),
  credit: Type.Optional(Type.String({ maxLength: MAX_CREDIT_LENGTH, title: 'photos.field.credit' })),
  consent: Type.Union([Type.Literal('release'), Type.Literal('no-people'), Type.Literal('no-release')], {
    title: 'photos.field.consent',
    errorMessage: 'photos.error.consent',
  }),
};

export const PhotoForm = Type.Object(detailsFields);

export const UploadForm = Type.Object({
  ...detailsFields,
  /** `activity:<id>` or `prototype:<id>`, carried from the link that opened the form. */
  subject: Type.Optional(Type.String({ maxLength: 200, title: 'photos.field.subject', errorMessage: 'photos.error.subject' })),
});

/** Reads `activity:<id>` or `prototype:<id>`; undefined for anything else. */
export function parseSubject(text: unknown): PhotoSubject | undefined {
  if (typeof text !== 'string') return undefined;
  const match = /^([a-z]+):([\w-]{1,100})$/.exec(text);
  const type = match?.[1] as PhotoSubjectType | undefined;
  return type && PHOTO_SUBJECT_TYPES.includes(type) ? { type, id: match![2]! } : undefined;
}

/** The checked fields with the optional ones filled in. */
const detailsOf = (value: Static<typeof PhotoForm>): PhotoDetails => ({
  kind: value.kind,
  alt: value.alt,
  caption: value.caption ?? '',
  credit: value.credit ?? '',
  consent: value.consent,
});

/** Reads the edit form. */
export function readPhotoForm(body: unknown, t: Translate): FormResult<PhotoDetails> {
  const form = validateForm(PhotoForm, body, t);
  return form.ok ? { ...form, value: detailsOf(form.value) } : form;
}

/** Reads the upload form's fields (the file is checked apart): the details and the optional subject. */
export function readUploadForm(body: unknown, t: Translate): FormResult<PhotoDetails & { subject?: PhotoSubject }> {
  const form = validateForm(UploadForm, body, t);
  if (!form.ok) return form;
  const subject = parseSubject(form.value.subject);
  if (form.value.subject !== undefined && !subject) {
    return { ok: false, errors: { subject: t('photos.error.subject') }, values: form.values };
  }
  return { ...form, value: { ...detailsOf(form.value), subject } };
}

/** A photo's current details, to fill its edit form. */
export function photoFormValues(photo: Photo): FormValues {
  return { kind: photo.kind, alt: photo.alt, caption: photo.caption, credit: photo.credit, consent: photo.consent };
}
