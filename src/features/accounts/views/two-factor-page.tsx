import { Layout, PageHeading } from '../../../ui/layout';
import { usePage } from '../../../ui/context';
import { ErrorSummary, Form, SubmitButton, TextField, type FormState } from '../../../ui/forms';
import { SummaryList } from '../../../ui/table';
import { formatDateTime } from '../../../i18n/format';
import type { TwoFactorStatus } from '../two-factor';
import { href } from '../../../server/route-contract';
import { accountsRoutes, twoFactorRoutes } from '../route-table';

/** The two changes to two-step sign-in that need the password again. */
export type PasswordAgainChange = 'renew' | 'disable';

/** Where each change is made. */
export const PASSWORD_AGAIN_PATHS: Record<PasswordAgainChange, string> = {
  renew: href(twoFactorRoutes.renew),
  disable: href(twoFactorRoutes.disable),
};

/** A person's two-step sign-in: how to set it up, or, once on, how it stands and what they can change. */
export function TwoFactorPage({ status, required }: { status: TwoFactorStatus; required: boolean }) {
  const { t, locale, timeZone } = usePage();
  return (
    <Layout title={t('accounts.twoFactor.title')}>
      <div class="narrow">
        <PageHeading title={t('accounts.twoFactor.title')} lead={t('accounts.twoFactor.lead')} />
        {status.enabled ? (
          <>
            <p>{t('accounts.twoFactor.on', { date: formatDateTime(status.enabledAt, locale, timeZone) })}</p>
            <SummaryList items={[[t('accounts.twoFactor.codesLeft'), String(status.recoveryCodesLeft)]]} />
            <ul>
              <li>
                <a href={PASSWORD_AGAIN_PATHS.renew}>{t('accounts.twoFactor.renew.submit')}</a>
              </li>
              {!required && (
                <li>
                  <a href={PASSWORD_AGAIN_PATHS.disable}>{t('accounts.twoFactor.disable.submit')}</a>
                </li>
              )}
            </ul>
            {required && <p>{t('accounts.twoFactor.requiredNote')}</p>}
          </>
        ) : (
          <>
            <p>{t('accounts.twoFactor.off')}</p>
            <p>
              <a class="button button-primary" href={href(twoFactorRoutes.setupPage)}>
                {t('accounts.twoFactor.setUp')}
              </a>
            </p>
          </>
        )}
        <p>
          <a href={href(accountsRoutes.account)}>{t('accounts.account.back')}</a>
        </p>
      </div>
    </Layout>
  );
}

/** Asks for the password again before making new recovery codes or turning two-step sign-in off. */
export function PasswordAgainPage({ change, form }: { change: PasswordAgainChange; form: FormState }) {
  const { t } = usePage();
  return (
    <Layout title={t(`accounts.twoFactor.${change}.title`)}>
      <div class="narrow">
        <PageHeading title={t(`accounts.twoFactor.${change}.title`)} lead={t(`accounts.twoFactor.${change}.lead`)} />
        <ErrorSummary form={form} />
        <Form action={PASSWORD_AGAIN_PATHS[change]}>
          <TextField form={form} name="password" type="password" label={t('accounts.twoFactor.field.password')} autocomplete="current-password" maxLength={200} />
          <div class="actions">
            <SubmitButton variant={change === 'renew' ? 'primary' : 'danger'}>{t(`accounts.twoFactor.${change}.submit`)}</SubmitButton>
            <a href={href(twoFactorRoutes.status)}>{t('common.cancel')}</a>
          </div>
        </Form>
      </div>
    </Layout>
  );
}
