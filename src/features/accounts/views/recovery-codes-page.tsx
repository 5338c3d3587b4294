import { Layout, PageHeading } from '../../../ui/layout';
import { usePage } from '../../../ui/context';
import { href } from '../../../server/route-contract';
import { twoFactorRoutes } from '../route-table';

/** New recovery codes, shown once right after they were made. */
export function RecoveryCodesPage({ codes, notice }: { codes: string[]; notice?: string }) {
  const { t } = usePage();
  return (
    <Layout title={t('accounts.twoFactor.codes.title')}>
      <div class="narrow">
        {notice && (
          <div class="flash flash-success" role="status">
            {notice}
          </div>
        )}
        <PageHeading title={t('accounts.twoFactor.codes.title')} lead={t('accounts.twoFactor.codes.lead')} />
        <ul class="recovery-codes" aria-label={t('accounts.twoFactor.codes.listLabel')}>
          {codes.map((code) => (
            <li key={code}>
              <code>{code}</code>
            </li>
          ))}
        </ul>
        <p>
          <a class="button button-primary" href={href(twoFactorRoutes.status)}>
            {t('accounts.twoFactor.codes.done')}
          </a>
        </p>
      </div>
    </Layout>
  );
}
