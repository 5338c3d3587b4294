import { Layout, PageHeading } from '../../../ui/layout';
import { usePage } from '../../../ui/context';
import { ErrorSummary, Form, SubmitButton, type FormState } from '../../../ui/forms';
import type { PersonWithLinks } from '../service';
import { AccessFields, type LibraryChoice } from './access-fields';
import { href } from '../../../server/route-contract';
import { peopleRoutes } from '../route-table';

/** Changing a person's role and library links. */
export function EditPersonPage({ person, form, libraries }: { person: PersonWithLinks; form: FormState; libraries: LibraryChoice[] }) {
  const { t } = usePage();
  return (
    <Layout title={t('people.edit.title')}>
      <PageHeading title={t('people.edit.title')} lead={`${person.name} (${person.email})`} />
      <ErrorSummary form={form} />
      <Form action={href(peopleRoutes.update, { person: person.id })}>
        <AccessFields form={form} libraries={libraries} staffHint={t('people.edit.staffHint')} />
        <SubmitButton>{t('people.edit.submit')}</SubmitButton>
        <a href={href(peopleRoutes.person, { person: person.id })}>{t('people.edit.back', { name: person.name })}</a>
      </Form>
    </Layout>
  );
}
