import { Layout, PageHeading } from '../../../ui/layout';
import { usePage } from '../../../ui/context';
import { Form, SubmitButton } from '../../../ui/forms';
import type { RequestLibrary } from '../../../server/types';
import type { Person } from '../../accounts/service';

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
        <Form action={`/libraries/${library.slug}/members/${person.id}/remove`}>
          <div class="actions">
            <SubmitButton variant="danger">{t('libraries.remove.submit', { name: person.name })}</SubmitButton>
            <a href={`/libraries/${library.slug}`}>{t('common.cancel')}</a>
          </div>
        </Form>
      </div>
    </Layout>
  );
}
