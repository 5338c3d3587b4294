import { Layout, PageHeading } from '../../../ui/layout';
import { usePage } from '../../../ui/context';
import { SummaryList, Table } from '../../../ui/table';
import { formatNumber } from '../../../i18n/format';
import { can } from '../../../policy';
import { sectionPath } from '../../../ui/workspace/layout';
import type { LibraryRole } from '../../../db/types';
import type { Person } from '../../accounts/service';
import type { Library } from '../service';
import { href } from '../../../server/route-contract';
import { librariesRoutes as libraryRoutes } from '../route-table';
import { peopleRoutes } from '../../people/route-table';

export interface TeamMember {
  person: Person;
  role: LibraryRole;
}

interface LibraryPageProps {
  library: Library;
  cohortName: string | undefined;
  members: TeamMember[];
  coaches: Person[];
  /** The reader may invite and remove team members (the library's lead, or an admin). */
  canInvite: boolean;
  /** The reader may edit the profile (admins). */
  canEdit: boolean;
  /** The reader may open people's records (admins). */
  canSeePeople: boolean;
}

/** A person's name, linked to their record for those who can open it. */
function PersonName({ person, link }: { person: Person; link: boolean }) {
  return link ? <a href={href(peopleRoutes.person, { person: person.id })}>{person.name}</a> : <>{person.name}</>;
}

/** A library's profile, its team and its coaches. */
export function LibraryPage({ library, cohortName, members, coaches, canInvite, canEdit, canSeePeople }: LibraryPageProps) {
  const { t, locale, actor } = usePage();
  return (
    <Layout title={library.name}>
      <PageHeading title={library.name} lead={t('libraries.page.place', { town: library.town, state: library.state })} />
      {can(actor, 'library.view', library.id) && (
        <div class="workspace-link">
          <p>{t('workspace.openLead')}</p>
          <p>
            <a class="button button-primary" href={sectionPath(library, 'journey')}>
              {t('workspace.open')}
            </a>
          </p>
        </div>
      )}
      {canEdit && (
        <p class="actions">
          <a class="button button-secondary" href={href(libraryRoutes.edit, { library: library.slug })}>
            {t('libraries.page.edit')}
          </a>
        </p>
      )}
      <h2>{t('libraries.page.profile')}</h2>
      <SummaryList
        items={[
          [t('libraries.field.town'), library.town],
          [t('libraries.field.state'), library.state],
          [t('libraries.field.peopleServed'), library.peopleServed === null ? t('libraries.unknown') : formatNumber(library.peopleServed, locale)],
          [t('libraries.field.cohort'), cohortName ?? t('common.none')],
          [t('libraries.field.timeZone'), library.timeZone.replaceAll('_', ' ')],
          [
            t('libraries.field.website'),
            library.website ? (
              <a href={library.website} rel="noopener noreferrer">
                {library.website}
              </a>
            ) : (
              t('common.none')
            ),
          ],
          [t('libraries.field.description'), library.description || t('common.none')],
        ]}
      />
      <h2>{t('libraries.page.team')}</h2>
      <Table
        caption={t('libraries.page.teamCaption', { name: library.name })}
        rows={members}
        rowKey={(m) => m.person.id}
        empty={t('libraries.page.noTeam')}
        columns={[
          { header: t('libraries.page.memberName'), cell: (m) => <PersonName person={m.person} link={canSeePeople} /> },
          { header: t('libraries.field.email'), cell: (m) => <a href={`mailto:${m.person.email}`}>{m.person.email}</a> },
          { header: t('libraries.field.libraryRole'), cell: (m) => t(`libraryRole.${m.role}`) },
          {
            header: t('libraries.page.status'),
            cell: (m) => (m.person.status === 'active' ? t('status.active') : <span class="tag">{t(`status.${m.person.status}`)}</span>),
          },
          ...(canInvite
            ? [
                {
                  header: t('libraries.page.actions'),
                  cell: (m: TeamMember) => (
                    <a href={href(libraryRoutes.removeMember, { library: library.slug, person: m.person.id })} aria-label={t('libraries.page.removeLabel', { name: m.person.name })}>
                      {t('libraries.page.remove')}
                    </a>
                  ),
                },
              ]
            : []),
        ]}
      />
      {canInvite && (
        <p class="actions">
          <a class="button button-primary" href={href(libraryRoutes.invite, { library: library.slug })}>
            {t('libraries.page.invite')}
          </a>
        </p>
      )}
      <h2>{t('libraries.page.coaches')}</h2>
      {coaches.length === 0 ? (
        <p class="empty">{t('libraries.page.noCoaches')}</p>
      ) : (
        <ul>
          {coaches.map((coach) => (
            <li key={coach.id}>
              <PersonName person={coach} link={canSeePeople} /> (<a href={`mailto:${coach.email}`}>{coach.email}</a>)
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}
