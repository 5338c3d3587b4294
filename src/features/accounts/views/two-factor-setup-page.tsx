import { Layout, PageHeading } from '../../../ui/layout';
import { usePage } from '../../../ui/context';
import { ErrorSummary, Form, SubmitButton, TextField, type FormState } from '../../../ui/forms';
import type { TwoFactorSetup } from '../two-factor';
import { href } from '../../../server/route-contract';
import { twoFactorRoutes } from '../route-table';

/** Setting up an authenticator app: scan the QR code (or type the key), then prove it works with a code. */
export function TwoFactorSetupPage({ setup, form }: { setup: TwoFactorSetup; form: FormState }) {
  const { t } = usePage();
  return (
    <Layout title={t('accounts.twoFactor.setup.title')}>
      <div class="narrow">
        <PageHeading title={t('accounts.twoFactor.setup.title')} />
        <ErrorSummary form={form} />
        <ol class="steps">
          <li>{t('accounts.twoFactor.setup.step1')}</li>
          <li>
            <p>{t('accounts.twoFactor.setup.step2')}</p>
            {/* The SVG is made by the QR library from our own otpauth URI, never from user input. */}
            <div class="qr-code" role="img" aria-label={t('accounts.twoFactor.setup.qrLabel')} dangerouslySetInnerHTML={{ __html: setup.qrSvg }} />
            <p>{t('accounts.twoFactor.setup.manual')}</p>
            <p>
              <code class="secret-key">{setup.secretText}</code>
            </p>
          </li>
          <li>
            <p>{t('accounts.twoFactor.setup.step3')}</p>
            <Form action={href(twoFactorRoutes.confirm)}>
              <TextField
                form={form}
                name="code"
                label={t('accounts.twoFactor.field.code')}
                hint={t('accounts.twoFactor.setup.hint')}
                autocomplete="one-time-code"
                inputMode="numeric"
                maxLength={40}
                width="short"
              />
              <div class="actions">
                <SubmitButton>{t('accounts.twoFactor.setup.submit')}</SubmitButton>
                <a href={href(twoFactorRoutes.status)}>{t('common.cancel')}</a>
              </div>
            </Form>
          </li>
        </ol>
      </div>
    </Layout>
  );
}
