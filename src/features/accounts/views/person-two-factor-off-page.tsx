import { Layout, PageHeading } from '../../../ui/layout';
import { usePage } from '../../../ui/context';
import { ConfirmForm } from '../../../ui/forms';
import type { Person } from '../service';
import { href } from '../../../server/route-contract';
import { twoFactorRoutes } from '../route-table';

/** Asks an admin to confirm turning off another person's two-step sign-in, for someone locked out. */
export function PersonTwoFactorOffPage({ person }: { person: Person }) {
  const { t } = usePage();
  return (
    <Layout title={t('accounts.twoFactor.disable.title')}>
      <PageHeading title={t('accounts.twoFactor.disable.title')} lead={t('accounts.twoFactor.adminOff.lead', { name: person.name })} />
      <ConfirmForm action={href(twoFactorRoutes.personOff, { person: person.id })} submit={t('accounts.twoFactor.disable.submit')} cancel={`/people/${person.id}`} />
    </Layout>
  );
}
