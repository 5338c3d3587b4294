import { Layout, PageHeading } from '../../../ui/layout';
import { usePage } from '../../../ui/context';
import { ErrorSummary, Form, SubmitButton, TextField, type FormState } from '../../../ui/forms';
import { href } from '../../../server/route-contract';
import { accountsRoutes } from '../route-table';

/** Asks for the email address of an account whose password was forgotten. */
export function ForgotPasswordPage({ form }: { form: FormState }) {
  const { t } = usePage();
  return (
    <Layout title={t('accounts.forgot.title')}>
      <div class="narrow">
        <PageHeading title={t('accounts.forgot.title')} lead={t('accounts.forgot.lead')} />
        <ErrorSummary form={form} />
        <Form action={href(accountsRoutes.requestReset)}>
          <TextField form={form} name="email" type="email" label={t('accounts.field.email')} autocomplete="email" maxLength={254} />
          <SubmitButton>{t('accounts.forgot.submit')}</SubmitButton>
        </Form>
        <p>
          <a href={href(accountsRoutes.signInPage)}>{t('accounts.forgot.back')}</a>
        </p>
      </div>
    </Layout>
  );
}

/**
 * What everyone sees after asking, whether or not the address has an
 * account, so the page cannot be used to find out who has one.
 */
export function ForgotPasswordSentPage({ email }: { email: string }) {
  const { t } = usePage();
  return (
    <Layout title={t('accounts.forgotSent.title')}>
      <div class="narrow">
        <PageHeading title={t('accounts.forgotSent.title')} lead={t('accounts.forgotSent.lead', { email })} />
        <p>{t('accounts.forgotSent.body')}</p>
        <p>
          <a href={href(accountsRoutes.signInPage)}>{t('accounts.forgot.back')}</a>
        </p>
      </div>
    </Layout>
  );
}
