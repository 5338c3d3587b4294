import { Layout, PageHeading } from '../../../ui/layout';
import { usePage } from '../../../ui/context';
import type { MessageKey } from '../../../i18n';
import type { TokenPurpose } from '../../../db/types';
import { href } from '../../../server/route-contract';
import { accountsRoutes } from '../route-table';

export type LinkProblem = 'invalid' | 'expired' | 'used' | 'replaced';

const copy: Record<TokenPurpose, Record<LinkProblem, MessageKey>> = {
  reset: {
    invalid: 'accounts.link.reset.invalid',
    expired: 'accounts.link.reset.expired',
    used: 'accounts.link.reset.used',
    replaced: 'accounts.link.reset.replaced',
  },
  invite: {
    invalid: 'accounts.link.invite.invalid',
    expired: 'accounts.link.invite.expired',
    used: 'accounts.link.invite.used',
    replaced: 'accounts.link.invite.replaced',
  },
};

/** Explains why an emailed reset or invitation link no longer works, and what to do instead. */
export function LinkProblemPage({ purpose, problem }: { purpose: TokenPurpose; problem: LinkProblem }) {
  const { t } = usePage();
  return (
    <Layout title={t('accounts.link.title')}>
      <div class="narrow">
        <PageHeading title={t('accounts.link.title')} lead={t(copy[purpose][problem])} />
        {purpose === 'reset' ? (
          <p>
            <a href={href(accountsRoutes.forgotPassword)}>{t('accounts.link.reset.again')}</a>
          </p>
        ) : (
          <>
            <p>{t('accounts.link.invite.again')}</p>
            <p>
              <a href={href(accountsRoutes.signInPage)}>{t('accounts.link.signIn')}</a>
            </p>
          </>
        )}
      </div>
    </Layout>
  );
}
