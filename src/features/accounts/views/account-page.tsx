import { Layout, PageHeading } from '../../../ui/layout';
import { usePage } from '../../../ui/context';
import { SummaryList } from '../../../ui/table';
import { href } from '../../../server/route-contract';
import { accountsRoutes, twoFactorRoutes } from '../route-table';

/** A signed-in person's own details, with links to change them. */
export function AccountPage() {
  const { t, actor } = usePage();
  if (!actor) return null;
  return (
    <Layout title={t('accounts.account.title')}>
      <PageHeading title={t('accounts.account.title')} />
      <SummaryList
        items={[
          [t('accounts.field.name'), actor.name],
          [t('accounts.field.email'), actor.email],
          [t('accounts.field.role'), t(`role.${actor.role}`)],
          [t('accounts.field.locale'), t(`locale.${actor.locale}`)],
          [t('accounts.field.timeZone'), actor.timeZone],
        ]}
      />
      <ul>
        <li>
          <a href={href(accountsRoutes.profile)}>{t('accounts.account.editProfile')}</a>
        </li>
        <li>
          <a href={href(accountsRoutes.password)}>{t('accounts.account.changePassword')}</a>
        </li>
        <li>
          <a href={href(twoFactorRoutes.status)}>{t('accounts.account.twoFactor')}</a>
        </li>
        <li>
          <a href={href(accountsRoutes.sessions)}>{t('accounts.account.sessions')}</a>
        </li>
      </ul>
    </Layout>
  );
}
