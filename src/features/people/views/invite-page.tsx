import { Layout, PageHeading } from '../../../ui/layout';
import { usePage } from '../../../ui/context';
import { PERSON_NAME_MAX_LENGTH } from '../../accounts/schema';
import { ErrorSummary, Form, Radios, SubmitButton, TextField, type FormState } from '../../../ui/forms';
import { AccessFields, type LibraryChoice } from './access-fields';
import { href } from '../../../server/route-contract';
import { peopleRoutes } from '../route-table';

/** The form a program admin uses to invite someone with a role and their libraries. */
export function InvitePage({ form, libraries }: { form: FormState; libraries: LibraryChoice[] }) {
  const { t } = usePage();
  return (
    <Layout title={t('people.invite.title')}>
      <PageHeading title={t('people.invite.title')} lead={t('people.invite.lead')} />
      <ErrorSummary form={form} />
      <Form action={href(peopleRoutes.sendInvite)}>
        <TextField form={form} name="email" type="email" label={t('accounts.field.email')} autocomplete="off" maxLength={254} />
        <TextField form={form} name="name" label={t('people.field.name')} autocomplete="off" maxLength={PERSON_NAME_MAX_LENGTH} />
        <AccessFields form={form} libraries={libraries} />
        <Radios
          form={form}
          name="locale"
          label={t('people.field.locale')}
          options={[
            { value: 'en', label: t('locale.en') },
            { value: 'es', label: t('locale.es') },
          ]}
        />
        <SubmitButton>{t('people.invite.submit')}</SubmitButton>
        <a href={href(peopleRoutes.list)}>{t('common.cancel')}</a>
      </Form>
    </Layout>
  );
}
