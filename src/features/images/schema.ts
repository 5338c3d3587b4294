import Type from 'typebox';
import type { Translate } from '../../i18n';
import { validateForm, type FormResult, type FormValues } from '../../ui/forms';
import type { ImageDetails, ImageInfo } from './service';

export const ImageForm = Type.Object({
  alt: Type.String({ minLength: 1, maxLength: 250, title: 'images.field.alt', errorMessage: 'images.error.alt' }),
  credit: Type.Optional(Type.String({ maxLength: 200, title: 'images.field.credit' })),
  licence: Type.Optional(Type.String({ maxLength: 100, title: 'images.field.licence' })),
  licenceUrl: Type.Optional(
    Type.String({ maxLength: 500, pattern: '^[Hh][Tt][Tt][Pp][Ss]://\\S+$', title: 'images.field.licenceUrl', errorMessage: 'images.error.licenceUrl' }),
  ),
});

/** True for an absolute https address with a host. */
function isHttpsAddress(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'https:' && url.hostname.length > 0;
  } catch {
    return false;
  }
}

/** Reads a posted image description: the field checks, then a real https address for the licence. */
export function readImageForm(body: unknown, t: Translate): FormResult<ImageDetails> {
  const form = validateForm(ImageForm, body, t);
  if (!form.ok) return form;
  const { alt, credit = '', licence = '', licenceUrl = '' } = form.value;
  // The pattern lets through text a browser cannot open, such as "https://".
  if (licenceUrl !== '' && !isHttpsAddress(licenceUrl)) {
    return { ok: false, errors: { licenceUrl: t('images.error.licenceUrl') }, values: form.values };
  }
  return { ok: true, values: form.values, value: { alt, credit, licence, licenceUrl } };
}

/** An image's current description, to fill its edit form. */
export function imageFormValues(image: ImageInfo): FormValues {
  return { alt: image.alt, credit: image.credit, licence: image.licence, licenceUrl: image.licenceUrl };
}
