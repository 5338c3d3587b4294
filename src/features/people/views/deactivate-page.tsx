import { Layout, PageHeading } from '../../../ui/layout';
import { usePage } from '../../../ui/context';
import { Form, SubmitButton } from '../../../ui/forms';
import type { Person } from '../../accounts/service';

/**
 * Asks for confirmation before deactivating someone. `problem` explains why
 * it cannot be done (one's own account), in which case no button is offered.
 */
export function DeactivatePage({ person, problem }: { person: Person; problem?: string }) {
  const { t } = usePage();
  return (
    <Layout title={t('people.deactivate.title', { name: person.name })}>
      <PageHeading title={t('people.deactivate.title', { name: person.name })} lead={t('people.deactivate.lead')} />
      {problem ? (
        <div class="error-summary" role="alert">
          <p>{problem}</p>
        </div>
      ) : (
        <Form action={`/people/${person.id}/deactivate`}>
          <SubmitButton variant="danger">{t('people.deactivate.submit')}</SubmitButton>
          <a href={`/people/${person.id}`}>{t('common.cancel')}</a>
        </Form>
      )}
      {problem && (
        <p>
          <a href={`/people/${person.id}`}>{t('people.edit.back', { name: person.name })}</a>
        </p>
      )}
    </Layout>
  );
}
