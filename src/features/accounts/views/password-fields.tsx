import { usePage } from '../../../ui/context';
import { TextField, type FormState } from '../../../ui/forms';
import type { MessageKey } from '../../../i18n';

/** A new password and its repeat, as used when choosing, resetting or changing one. */
export function NewPasswordFields({ form, label = 'accounts.field.newPassword' }: { form: FormState; label?: MessageKey }) {
  const { t } = usePage();
  return (
    <>
      <TextField
        form={form}
        name="newPassword"
        type="password"
        label={t(label)}
        hint={t('accounts.hint.newPassword')}
        autocomplete="new-password"
        maxLength={200}
      />
      <TextField
        form={form}
        name="confirmPassword"
        type="password"
        label={t('accounts.field.confirmPassword')}
        autocomplete="new-password"
        maxLength={200}
      />
    </>
  );
}
