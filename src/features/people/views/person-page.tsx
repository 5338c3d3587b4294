import { Layout, PageHeading } from '../../../ui/layout';
import { usePage } from '../../../ui/context';
import { Form, SubmitButton } from '../../../ui/forms';
import { SummaryList } from '../../../ui/table';
import { formatDateTime } from '../../../i18n/format';
import type { PersonWithLinks } from '../service';
import { LibraryLinks } from './library-links';
import { href } from '../../../server/route-contract';
import { peopleRoutes } from '../route-table';

/** One person's details and what an admin can do about them. */
export function PersonPage({ person }: { person: PersonWithLinks }) {
  const { t, locale, timeZone, actor } = usePage();
  const isSelf = actor?.id === person.id;
  return (
    <Layout title={person.name}>
      <PageHeading title={person.name} />
      <SummaryList
        items={[
          [t('people.column.email'), person.email],
          [t('people.column.role'), t(`role.${person.role}`)],
          [t('people.column.status'), t(`status.${person.status}`)],
          [t('people.column.libraries'), <LibraryLinks links={person.links} />],
          [t('people.column.language'), t(`locale.${person.locale}`)],
          [t('accounts.twoFactor.title'), t(person.two_factor_enabled ? 'people.detail.twoFactorOn' : 'people.detail.twoFactorOff')],
          [t('people.column.created'), formatDateTime(person.created_at, locale, timeZone)],
        ]}
      />
      <h2>{t('people.detail.actions')}</h2>
      {isSelf && <p>{t('people.detail.self')}</p>}
      <div class="actions">
        <a class="button button-secondary" href={href(peopleRoutes.edit, { person: person.id })}>
          {t('people.detail.edit')}
        </a>
        {person.two_factor_enabled && !isSelf && (
          <a class="button button-secondary" href={`/people/${person.id}/two-factor/disable`}>
            {t('accounts.twoFactor.disable.title')}
          </a>
        )}
        {person.status === 'invited' && (
          <Form action={href(peopleRoutes.resendInvitation, { person: person.id })} class="inline-form">
            <SubmitButton variant="secondary">{t('people.detail.resend')}</SubmitButton>
          </Form>
        )}
        {person.status === 'deactivated' ? (
          <Form action={href(peopleRoutes.reactivate, { person: person.id })} class="inline-form">
            <SubmitButton variant="secondary">{t('people.detail.reactivate')}</SubmitButton>
          </Form>
        ) : (
          !isSelf && (
            <a class="button button-danger" href={href(peopleRoutes.deactivate, { person: person.id })}>
              {t('people.detail.deactivate')}
            </a>
          )
        )}
      </div>
      <p>
        <a href={href(peopleRoutes.list)}>{t('people.detail.allPeople')}</a>
      </p>
    </Layout>
  );
}
