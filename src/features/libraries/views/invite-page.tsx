import { Layout, PageHeading } from '../../../ui/layout';
import { usePage } from '../../../ui/context';
import { PERSON_NAME_MAX_LENGTH } from '../../accounts/schema';
import { ErrorSummary, Form, Radios, SubmitButton, TextField, type FormState } from '../../../ui/forms';
import type { RequestLibrary } from '../../../server/types';
import { href } from '../../../server/route-contract';
import { librariesRoutes as libraryRoutes } from '../route-table';

/** The form a library's lead (or an admin) uses to invite someone to the library's team. */
export function InvitePage({ library, form }: { library: RequestLibrary; form: FormState }) {
  const { t } = usePage();
  const title = t('libraries.invite.title', { name: library.name });
  return (
    <Layout title={title}>
      <div class="narrow">
        <PageHeading title={title} lead={t('libraries.invite.intro')} />
        <ErrorSummary form={form} />
        <Form action={href(libraryRoutes.sendInvite, { library: library.slug })}>
          <TextField form={form} name="email" type="email" label={t('libraries.field.email')} autocomplete="off" maxLength={254} />
          <TextField form={form} name="name" label={t('libraries.field.personName')} autocomplete="off" maxLength={PERSON_NAME_MAX_LENGTH} />
          <Radios
            form={form}
            name="libraryRole"
            label={t('libraries.field.libraryRole')}
            options={[
              { value: 'member', label: t('libraries.invite.asMember') },
              { value: 'lead', label: t('libraries.invite.asLead') },
            ]}
          />
          <Radios
            form={form}
            name="locale"
            label={t('libraries.field.locale')}
            options={[
              { value: 'en', label: t('locale.en') },
              { value: 'es', label: t('locale.es') },
            ]}
          />
          <div class="actions">
            <SubmitButton>{t('libraries.invite.submit')}</SubmitButton>
            <a href={href(libraryRoutes.library, { library: library.slug })}>{t('common.cancel')}</a>
          </div>
        </Form>
      </div>
    </Layout>
  );
}
