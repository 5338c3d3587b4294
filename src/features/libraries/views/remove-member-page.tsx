import { Layout, PageHeading } from '../../../ui/layout';
import { usePage } from '../../../ui/context';
import { Form, SubmitButton } from '../../../ui/forms';
import type { RequestLibrary } from '../../../server/types';
import type { Person } from '../../accounts/service';
import { href } from '../../../server/route-contract';
import { librariesRoutes as libraryRoutes } from '../route-table';

/** Asks for confirmation before taking someone off a library's team. */
export function RemoveMemberPage({ library, person, self }: { library: RequestLibrary; person: Person; self: boolean }) {
  const { t } = usePage();
  const title = t('libraries.remove.title', { name: person.name, library: library.name });
  return (
    <Layout title={title}>
      <div class="narrow">
        <PageHeading title={title} />
        <p>{t('libraries.remove.body', { name: person.name, library: library.name })}</p>
        {self && <p>{t('libraries.remove.self')}</p>}
        <Form action={href(libraryRoutes.confirmRemoveMember, { library: library.slug, person: person.id })}>
          <div class="actions">
            <SubmitButton variant="danger">{t('libraries.remove.submit', { name: person.name })}</SubmitButton>
            <a href={href(libraryRoutes.library, { library: library.slug })}>{t('common.cancel')}</a>
          </div>
        </Form>
      </div>
    </Layout>
  );
}
