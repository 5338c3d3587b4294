import { Layout, PageHeading } from '../../../ui/layout';
import { usePage } from '../../../ui/context';
import { ErrorSummary, Form, Radios, Select, SubmitButton, TextField, type FormState } from '../../../ui/forms';
import { LOCALES } from '../../../i18n';
import { timeZoneOptions } from '../../../i18n/format';
import { PERSON_NAME_MAX_LENGTH } from '../schema';
import { href } from '../../../server/route-contract';
import { accountsRoutes } from '../route-table';

/** Edits a person's own name, language and time zone. */
export function ProfilePage({ form }: { form: FormState }) {
  const { t } = usePage();
  return (
    <Layout title={t('accounts.profile.title')}>
      <div class="narrow">
        <PageHeading title={t('accounts.profile.title')} />
        <ErrorSummary form={form} />
        <Form action={href(accountsRoutes.saveProfile)}>
          <TextField form={form} name="name" label={t('accounts.field.name')} autocomplete="name" maxLength={PERSON_NAME_MAX_LENGTH} />
          <Radios
            form={form}
            name="locale"
            label={t('accounts.field.locale')}
            options={LOCALES.map((locale) => ({ value: locale, label: t(`locale.${locale}`) }))}
          />
          <Select
            form={form}
            name="timeZone"
            label={t('accounts.field.timeZone')}
            hint={t('accounts.hint.timeZone')}
            options={timeZoneOptions().map((zone) => ({ value: zone, label: zone }))}
          />
          <div class="actions">
            <SubmitButton>{t('common.save')}</SubmitButton>
            <a href={href(accountsRoutes.account)}>{t('common.cancel')}</a>
          </div>
        </Form>
      </div>
    </Layout>
  );
}
