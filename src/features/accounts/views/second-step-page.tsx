import { Layout, PageHeading } from '../../../ui/layout';
import { usePage } from '../../../ui/context';
import { ErrorSummary, Form, SubmitButton, TextField, type FormState } from '../../../ui/forms';
import { href } from '../../../server/route-contract';
import { accountsRoutes, twoFactorRoutes } from '../route-table';

/** The second step of signing in: a code from the app, or a recovery code. */
export function SecondStepPage({ form, problem }: { form: FormState; problem?: string }) {
  const { t } = usePage();
  const shown: FormState = problem ? { ...form, errors: { code: problem, ...form.errors } } : form;
  return (
    <Layout title={t('accounts.twoFactor.step.title')}>
      <div class="narrow">
        <PageHeading title={t('accounts.twoFactor.step.title')} lead={t('accounts.twoFactor.step.lead')} />
        <ErrorSummary form={shown} />
        <Form action={href(twoFactorRoutes.secondStep)}>
          <input type="hidden" name="next" value={typeof form.values.next === 'string' ? form.values.next : ''} />
          <TextField
            form={{ ...shown, values: {} }}
            name="code"
            label={t('accounts.twoFactor.field.code')}
            hint={t('accounts.twoFactor.step.hint')}
            autocomplete="one-time-code"
            maxLength={40}
            width="short"
          />
          <SubmitButton>{t('accounts.twoFactor.step.submit')}</SubmitButton>
        </Form>
        <Form action={href(accountsRoutes.signOut)}>
          <button type="submit" class="button button-secondary">
            {t('accounts.twoFactor.step.cancel')}
          </button>
        </Form>
      </div>
    </Layout>
  );
}
