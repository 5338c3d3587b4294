import { usePage } from '../../../ui/context';
import { ErrorSummary, Honeypot, SubmitButton, TextField, type FormState } from '../../../ui/forms';
import { href } from '../../../server/route-contract';
import { newsletterRoutes } from '../route-table';

/**
 * The subscribe form. It carries no CSRF token so that the public pages
 * holding it can be cached and shared (see the subscribe route), and it has
 * a honeypot field that people never see or reach with the keyboard.
 */
export function SubscribeForm({ form, headingId }: { form: FormState; headingId?: string }) {
  const { t } = usePage();
  return (
    <form method="post" action={href(newsletterRoutes.subscribe)} aria-labelledby={headingId} noValidate>
      <ErrorSummary form={form} />
      <TextField form={form} name="email" type="email" label={t('newsletter.field.email')} autocomplete="email" maxLength={254} />
      <Honeypot label={t('newsletter.field.website')} />
      <SubmitButton>{t('newsletter.subscribe.submit')}</SubmitButton>
    </form>
  );
}
