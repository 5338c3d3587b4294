import { Layout, PageHeading } from '../../../ui/layout';
import { usePage } from '../../../ui/context';
import { ErrorSummary, Form, SubmitButton, type FormState } from '../../../ui/forms';
import { NewPasswordFields } from './password-fields';
import { href } from '../../../server/route-contract';
import { accountsRoutes } from '../route-table';

/** Lets a person who followed a valid reset link choose a new password. */
export function ResetPasswordPage({ form, token, email }: { form: FormState; token: string; email: string }) {
  const { t } = usePage();
  return (
    <Layout title={t('accounts.reset.title')}>
      <div class="narrow">
        <PageHeading title={t('accounts.reset.title')} lead={t('accounts.reset.lead', { email })} />
        <ErrorSummary form={form} />
        <Form action={href(accountsRoutes.reset, { token })}>
          <NewPasswordFields form={form} />
          <SubmitButton>{t('accounts.reset.submit')}</SubmitButton>
        </Form>
      </div>
    </Layout>
  );
}
