import { usePage } from '../../../ui/context';
import { TextField, type FormState } from '../../../ui/forms';

/** The alt text, credit and licence fields, shared by the upload and edit forms. */
export function DetailsFields({ form }: { form: FormState }) {
  const { t } = usePage();
  return (
    <>
      <TextField form={form} name="alt" label={t('images.field.alt')} hint={t('images.hint.alt')} maxLength={250} />
      <TextField form={form} name="credit" label={t('images.field.credit')} hint={t('images.hint.credit')} optional />
      <TextField form={form} name="licence" label={t('images.field.licence')} hint={t('images.hint.licence')} optional />
      <TextField
        form={form}
        name="licenceUrl"
        type="url"
        label={t('images.field.licenceUrl')}
        hint={t('images.hint.licenceUrl')}
        inputMode="url"
        optional
      />
    </>
  );
}
