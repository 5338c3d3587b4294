import { usePage } from '../../../ui/context';
import { FileField, IMAGE_ACCEPT, Radios, TextArea, TextField, type FormState } from '../../../ui/forms';
import { MAX_ALT_LENGTH, MAX_CAPTION_LENGTH, MAX_CREDIT_LENGTH } from '../schema';
import { consentOptions, kindOptions } from './labels';

/** The file input of the upload form; after an error it asks for the file again. */
export function PhotoFileField({ form, maxMegabytes }: { form: FormState; maxMegabytes: number }) {
  const { t } = usePage();
  return (
    <FileField
      form={form}
      label={t('photos.field.file')}
      hint={t('photos.hint.file', { mb: maxMegabytes })}
      reselectHint={t('photos.hint.reselect')}
      accept={IMAGE_ACCEPT}
    />
  );
}

/** Kind, alt text, caption, credit and consent: the fields of both the upload and the edit form. */
export function PhotoFields({ form }: { form: FormState }) {
  const { t } = usePage();
  return (
    <>
      <Radios form={form} name="kind" label={t('photos.field.kind')} options={kindOptions(t)} />
      <TextField form={form} name="alt" label={t('photos.field.alt')} hint={t('photos.hint.alt', { limit: MAX_ALT_LENGTH })} maxLength={MAX_ALT_LENGTH} />
      <TextArea
        form={form}
        name="caption"
        label={t('photos.field.caption')}
        hint={t('photos.hint.caption', { limit: MAX_CAPTION_LENGTH })}
        rows={3}
        maxLength={MAX_CAPTION_LENGTH}
        optional
      />
      <TextField form={form} name="credit" label={t('photos.field.credit')} hint={t('photos.hint.credit')} maxLength={MAX_CREDIT_LENGTH} optional />
      <Radios form={form} name="consent" label={t('photos.field.consent')} hint={t('photos.hint.consent')} options={consentOptions(t)} />
    </>
  );
}
