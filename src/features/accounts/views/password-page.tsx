import { Layout, PageHeading } from '../../../ui/layout';
import { usePage } from '../../../ui/context';
import { ErrorSummary, Form, SubmitButton, TextField, type FormState } from '../../../ui/forms';
import { NewPasswordFields } from './password-fields';
import { href } from '../../../server/route-contract';
import { accountsRoutes } from '../route-table';

/** Changes a signed-in person's password; they must give the current one. */
export function PasswordPage({ form }: { form: FormState }) {
  const { t } = usePage();
  return (
    <Layout title={t('accounts.password.title')}>
      <div class="narrow">
        <PageHeading title={t('accounts.password.title')} lead={t('accounts.password.lead')} />
        <ErrorSummary form={form} />
        <Form action={href(accountsRoutes.changePassword)}>
          <TextField
            form={form}
            name="currentPassword"
            type="password"
            label={t('accounts.field.currentPassword')}
            autocomplete="current-password"
            maxLength={200}
          />
          <NewPasswordFields form={form} />
          <div class="actions">
            <SubmitButton>{t('accounts.password.submit')}</SubmitButton>
            <a href={href(accountsRoutes.account)}>{t('common.cancel')}</a>
          </div>
        </Form>
      </div>
    </Layout>
  );
}
