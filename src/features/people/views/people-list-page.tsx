import { Layout, PageHeading } from '../../../ui/layout';
import { usePage } from '../../../ui/context';
import { ErrorSummary, Select, SubmitButton, TextField, type FormState } from '../../../ui/forms';
import { Table } from '../../../ui/table';
import { Pagination, type Page } from '../../../ui/pagination';
import type { PersonWithLinks } from '../service';
import { LibraryLinks } from './library-links';
import { href } from '../../../server/route-contract';
import { peopleRoutes } from '../route-table';

interface PeopleListPageProps {
  filter: FormState;
  /** Undefined when the filters themselves were not valid. */
  result: Page<PersonWithLinks> | undefined;
}

const asText = (value: string | string[] | undefined) => (typeof value === 'string' && value !== '' ? value : undefined);

/** The people of the program, filtered by role, status and a name or email search. */
export function PeopleListPage({ filter, result }: PeopleListPageProps) {
  const { t } = usePage();
  return (
    <Layout title={t('people.list.title')}>
      <PageHeading title={t('people.list.title')} lead={t('people.list.lead')} />
      <p class="actions">
        <a class="button button-primary" href={href(peopleRoutes.invite)}>
          {t('people.list.invite')}
        </a>{' '}
        <a href="/people/sign-in-security">{t('accounts.twoFactor.settings.title')}</a>
      </p>
      <ErrorSummary form={filter} />
      <form method="get" action={href(peopleRoutes.list)} class="filters" aria-label={t('people.filter.label')}>
        <Select
          form={filter}
          name="role"
          label={t('people.filter.role')}
          emptyLabel={t('people.filter.anyRole')}
          options={(['admin', 'coach', 'staff'] as const).map((role) => ({ value: role, label: t(`role.${role}`) }))}
        />
        <Select
          form={filter}
          name="status"
          label={t('people.filter.status')}
          emptyLabel={t('people.filter.anyStatus')}
          options={(['invited', 'active', 'deactivated'] as const).map((status) => ({ value: status, label: t(`status.${status}`) }))}
        />
        <TextField form={filter} name="q" label={t('people.filter.query')} optional maxLength={200} />
        <div class="field">
          <SubmitButton variant="secondary">{t('people.filter.submit')}</SubmitButton>
          <a href={href(peopleRoutes.list)}>{t('people.filter.clear')}</a>
        </div>
      </form>
      {result && (
        <>
          <Table
            caption={t('people.list.caption', { total: result.total })}
            rows={result.items}
            rowKey={(person) => person.id}
            empty={t('people.list.empty')}
            columns={[
              { header: t('people.column.name'), cell: (person) => <a href={href(peopleRoutes.person, { person: person.id })}>{person.name}</a> },
              { header: t('people.column.email'), cell: (person) => person.email },
              { header: t('people.column.role'), cell: (person) => t(`role.${person.role}`) },
              { header: t('people.column.status'), cell: (person) => t(`status.${person.status}`) },
              { header: t('people.column.libraries'), cell: (person) => <LibraryLinks links={person.links} /> },
            ]}
          />
          <Pagination
            page={result.page}
            pages={result.pages}
            query={{ role: asText(filter.values.role), status: asText(filter.values.status), q: asText(filter.values.q) }}
          />
        </>
      )}
    </Layout>
  );
}
