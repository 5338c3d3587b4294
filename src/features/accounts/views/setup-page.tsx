import { Layout, PageHeading } from '../../../ui/layout';
import { usePage } from '../../../ui/context';
import { ErrorSummary, Form, SubmitButton, TextField, type FormState } from '../../../ui/forms';
import { NewPasswordFields } from './password-fields';
import { PERSON_NAME_MAX_LENGTH } from '../schema';
import { href } from '../../../server/route-contract';
import { accountsRoutes } from '../route-table';

/** First-run setup: creates the first program admin of a new instance. */
export function SetupPage({ form }: { form: FormState }) {
  const { t } = usePage();
  return (
    <Layout title={t('accounts.setup.title')}>
      <div class="narrow">
        <PageHeading title={t('accounts.setup.title')} lead={t('accounts.setup.lead')} />
        <ErrorSummary form={form} />
        <Form action={href(accountsRoutes.setup)}>
          <TextField form={form} name="name" label={t('accounts.field.name')} autocomplete="name" maxLength={PERSON_NAME_MAX_LENGTH} />
          <TextField form={form} name="email" type="email" label={t('accounts.field.email')} autocomplete="email" maxLength={254} />
          <NewPasswordFields form={form} label="accounts.field.choosePassword" />
          <SubmitButton>{t('accounts.setup.submit')}</SubmitButton>
        </Form>
      </div>
    </Layout>
  );
}
