import { Layout, PageHeading } from '../../../ui/layout';
import { usePage } from '../../../ui/context';
import { Form, SubmitButton } from '../../../ui/forms';
import type { Person } from '../../accounts/service';
import { href } from '../../../server/route-contract';
import { peopleRoutes } from '../route-table';

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
        <Form action={href(peopleRoutes.confirmDeactivate, { person: person.id })}>
          <SubmitButton variant="danger">{t('people.deactivate.submit')}</SubmitButton>
          <a href={href(peopleRoutes.person, { person: person.id })}>{t('common.cancel')}</a>
        </Form>
      )}
      {problem && (
        <p>
          <a href={href(peopleRoutes.person, { person: person.id })}>{t('people.edit.back', { name: person.name })}</a>
        </p>
      )}
    </Layout>
  );
}
