import { Layout, PageHeading } from '../../../ui/layout';
import { usePage } from '../../../ui/context';
import { Checkboxes, ErrorSummary, Form, SubmitButton, type FormState } from '../../../ui/forms';
import { Table } from '../../../ui/table';
import type { Role } from '../../../db/types';
import { href } from '../../../server/route-contract';
import { twoFactorRoutes } from '../route-table';

/** For admins: who uses two-step sign-in, and which roles must. */
export function TwoFactorSettingsPage({ adoption, form }: { adoption: Array<{ role: Role; people: number; enabled: number }>; form: FormState }) {
  const { t } = usePage();
  return (
    <Layout title={t('accounts.twoFactor.settings.title')}>
      <PageHeading title={t('accounts.twoFactor.settings.title')} lead={t('accounts.twoFactor.settings.lead')} />
      <Table
        caption={t('accounts.twoFactor.settings.caption')}
        rowKey={(row) => row.role}
        rows={adoption}
        empty=""
        columns={[
          { header: t('accounts.twoFactor.settings.col.role'), cell: (row) => t(`role.${row.role}`) },
          { header: t('accounts.twoFactor.settings.col.using'), cell: (row) => t('accounts.twoFactor.settings.using', { enabled: row.enabled, people: row.people }) },
        ]}
      />
      <ErrorSummary form={form} />
      <Form action={href(twoFactorRoutes.saveSettings)}>
        <Checkboxes
          form={form}
          name="roles"
          label={t('accounts.twoFactor.settings.roles')}
          hint={t('accounts.twoFactor.settings.rolesHint')}
          options={adoption.map((row) => ({ value: row.role, label: t(`role.${row.role}`) }))}
        />
        <SubmitButton>{t('accounts.twoFactor.settings.submit')}</SubmitButton>
      </Form>
    </Layout>
  );
}
