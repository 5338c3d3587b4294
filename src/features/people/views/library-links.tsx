import { usePage } from '../../../ui/context';
import type { PersonLibraryLinks } from '../../libraries/service';
import { href } from '../../../server/route-contract';
import { librariesRoutes as libraryRoutes } from '../../libraries/route-table';

/** The libraries a person works in (with their team role) and coaches, as inline links. */
export function LibraryLinks({ links }: { links: PersonLibraryLinks }) {
  const { t } = usePage();
  if (links.memberships.length === 0 && links.coached.length === 0) return <>{t('common.none')}</>;
  return (
    <>
      {links.memberships.map((m, index) => (
        <span key={m.libraryId}>
          {index > 0 && '; '}
          <a href={href(libraryRoutes.library, { library: m.slug })}>{m.libraryName}</a> ({t(m.role === 'lead' ? 'libraryRole.lead' : 'libraryRole.member')})
        </span>
      ))}
      {links.coached.length > 0 && (
        <span>
          {t('people.links.coachOf')}:{' '}
          {links.coached.map((c, index) => (
            <span key={c.libraryId}>
              {index > 0 && ', '}
              <a href={href(libraryRoutes.library, { library: c.slug })}>{c.libraryName}</a>
            </span>
          ))}
        </span>
      )}
    </>
  );
}
