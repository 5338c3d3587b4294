import { Layout, PageHeading } from '../../../ui/layout';
import { usePage } from '../../../ui/context';
import { ErrorSummary, Form, Select, SubmitButton, TextArea, TextField, type FormState, type Option } from '../../../ui/forms';
import { timeZoneOptions } from '../../../i18n/format';
import type { Cohort } from '../../programs/service';
import type { Library } from '../service';
import { href } from '../../../server/route-contract';
import { librariesRoutes as libraryRoutes } from '../route-table';

const timeZones: Option[] = timeZoneOptions().map((zone) => ({ value: zone, label: zone.replaceAll('_', ' ') }));

/** The form to add a library, or to edit `library` when given. */
export function LibraryFormPage({ form, library, cohorts }: { form: FormState; library?: Library; cohorts: Cohort[] }) {
  const { t } = usePage();
  const title = library ? t('libraries.form.editTitle', { name: library.name }) : t('libraries.form.createTitle');
  return (
    <Layout title={title}>
      <PageHeading title={title} />
      <ErrorSummary form={form} />
      <Form action={library ? href(libraryRoutes.update, { library: library.slug }) : href(libraryRoutes.create)}>
        <TextField form={form} name="name" label={t('libraries.field.name')} hint={library ? undefined : t('libraries.hint.name')} maxLength={200} />
        <TextField form={form} name="town" label={t('libraries.field.town')} maxLength={100} />
        <TextField form={form} name="state" width="short" label={t('libraries.field.state')} hint={t('libraries.hint.state')} maxLength={2} />
        <TextField form={form} name="peopleServed" width="short" inputMode="numeric" label={t('libraries.field.peopleServed')} hint={t('libraries.hint.peopleServed')} optional />
        <Select form={form} name="timeZone" label={t('libraries.field.timeZone')} hint={t('libraries.hint.timeZone')} options={timeZones} />
        <TextField form={form} name="website" type="url" label={t('libraries.field.website')} hint={t('libraries.hint.website')} optional maxLength={500} />
        <TextArea form={form} name="description" label={t('libraries.field.description')} hint={t('libraries.hint.description')} optional rows={5} maxLength={1000} />
        <Select
          form={form}
          name="cohort"
          label={t('libraries.field.cohort')}
          optional
          emptyLabel={t('libraries.form.noCohort')}
          options={cohorts.map((c) => ({ value: c.id, label: c.name }))}
        />
        <div class="actions">
          <SubmitButton>{t('common.save')}</SubmitButton>
          <a href={library ? href(libraryRoutes.library, { library: library.slug }) : href(libraryRoutes.list)}>{t('common.cancel')}</a>
        </div>
      </Form>
    </Layout>
  );
}
