import { Layout, PageHeading } from '../../../ui/layout';
import { usePage } from '../../../ui/context';
import { ErrorSummary, Form, Honeypot, SubmitButton, TextArea, TextField, type FormState } from '../../../ui/forms';
import { MAX_MESSAGE_LENGTH } from '../schema';
import { href } from '../../../server/route-contract';
import { contactRoutes } from '../route-table';

/** The contact form to the program manager. */
export function ContactPage({ form }: { form: FormState }) {
  const { t } = usePage();
  return (
    <Layout title={t('contact.title')} description={t('contact.lead')}>
      <div class="narrow">
        <PageHeading title={t('contact.title')} lead={t('contact.lead')} />
        <ErrorSummary form={form} />
        <Form action={href(contactRoutes.send)}>
          <TextField form={form} name="name" label={t('contact.field.name')} autocomplete="name" maxLength={120} />
          <TextField
            form={form}
            name="email"
            type="email"
            label={t('contact.field.email')}
            hint={t('contact.hint.email')}
            autocomplete="email"
          />
          <TextArea
            form={form}
            name="message"
            label={t('contact.field.message')}
            hint={t('contact.hint.message', { limit: MAX_MESSAGE_LENGTH })}
            rows={8}
            maxLength={MAX_MESSAGE_LENGTH}
          />
          <Honeypot label={t('contact.field.website')} />
          <SubmitButton>{t('contact.submit')}</SubmitButton>
        </Form>
      </div>
    </Layout>
  );
}

/** Shown after a message is sent (and to robots caught by the honeypot). */
export function ThanksPage() {
  const { t } = usePage();
  return (
    <Layout title={t('contact.thanks.title')}>
      <PageHeading title={t('contact.thanks.title')} lead={t('contact.thanks.lead')} />
      <p>
        <a href="/">{t('contact.thanks.home')}</a>
      </p>
    </Layout>
  );
}
