import { Layout, PageHeading } from '../../../ui/layout';
import { usePage } from '../../../ui/context';
import { ErrorSummary, Form, SubmitButton, TextField, type FormState } from '../../../ui/forms';
import { SummaryList } from '../../../ui/table';
import { NewPasswordFields } from './password-fields';
import { PERSON_NAME_MAX_LENGTH } from '../schema';
import { href } from '../../../server/route-contract';
import { accountsRoutes } from '../route-table';

/** Lets an invited person confirm their name and choose a password. */
export function InvitationPage({ form, token, email }: { form: FormState; token: string; email: string }) {
  const { t } = usePage();
  return (
    <Layout title={t('accounts.invitation.title')}>
      <div class="narrow">
        <PageHeading title={t('accounts.invitation.title')} lead={t('accounts.invitation.lead')} />
        <SummaryList items={[[t('accounts.field.email'), email]]} />
        <ErrorSummary form={form} />
        <Form action={href(accountsRoutes.acceptInvitation, { token })}>
          <TextField form={form} name="name" label={t('accounts.field.name')} autocomplete="name" maxLength={PERSON_NAME_MAX_LENGTH} />
          <NewPasswordFields form={form} label="accounts.field.choosePassword" />
          <SubmitButton>{t('accounts.invitation.submit')}</SubmitButton>
        </Form>
      </div>
    </Layout>
  );
}
