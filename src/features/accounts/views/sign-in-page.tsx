import { Layout, PageHeading } from '../../../ui/layout';
import { usePage } from '../../../ui/context';
import { ErrorSummary, Form, SubmitButton, TextField, type FormState } from '../../../ui/forms';
import { href } from '../../../server/route-contract';
import { accountsRoutes } from '../route-table';

/** The sign-in form. `problem` is a form-level message (wrong password, throttled). */
export function SignInPage({ form, problem }: { form: FormState; problem?: string }) {
  const { t } = usePage();
  const shown: FormState = problem ? { ...form, errors: { email: problem, ...form.errors } } : form;
  return (
    <Layout title={t('accounts.signIn.title')}>
      <div class="narrow">
        <PageHeading title={t('accounts.signIn.title')} lead={t('accounts.signIn.lead')} />
        <ErrorSummary form={shown} />
        <Form action={href(accountsRoutes.signIn)}>
          <input type="hidden" name="next" value={typeof form.values.next === 'string' ? form.values.next : ''} />
          <TextField form={shown} name="email" type="email" label={t('accounts.field.email')} autocomplete="username" />
          <TextField form={shown} name="password" type="password" label={t('accounts.field.password')} autocomplete="current-password" />
          <SubmitButton>{t('accounts.signIn.submit')}</SubmitButton>
        </Form>
        <p>
          <a href={href(accountsRoutes.forgotPassword)}>{t('accounts.signIn.forgot')}</a>
        </p>
      </div>
    </Layout>
  );
}
