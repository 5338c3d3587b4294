import { Layout, PageHeading } from '../../../ui/layout';
import { usePage } from '../../../ui/context';
import { SummaryList } from '../../../ui/table';
import { formatNumber } from '../../../i18n/format';
import type { MessageKey } from '../../../i18n';
import type { Dashboard } from '../service';
import { href } from '../../../server/route-contract';
import { librariesRoutes as libraryRoutes } from '../../libraries/route-table';
import { programsRoutes as programRoutes } from '../../programs/route-table';
import { peopleRoutes } from '../../people/route-table';
import { mailRoutes } from '../../mail/route-table';
import { workspaceRoutes } from '../../workspace/route-table';

const ADMIN_LINKS: { href: string; label: MessageKey }[] = [
  { href: href(peopleRoutes.list), label: 'layout.nav.people' },
  { href: href(libraryRoutes.list), label: 'layout.nav.libraries' },
  { href: href(programRoutes.program), label: 'layout.nav.program' },
  { href: href(mailRoutes.outbox), label: 'layout.nav.outbox' },
];

function AdminSection({ counts }: { counts: Extract<Dashboard, { role: 'admin' }>['counts'] }) {
  const { t, locale } = usePage();
  return (
    <>
      <h2>{t('home.dashboard.overview')}</h2>
      <SummaryList
        items={[
          [t('home.dashboard.libraries'), formatNumber(counts.libraries, locale)],
          [t('home.dashboard.people'), formatNumber(counts.people, locale)],
          [t('home.dashboard.invited'), formatNumber(counts.invited, locale)],
        ]}
      />
      <h2>{t('home.dashboard.manage')}</h2>
      <ul>
        {ADMIN_LINKS.map((link) => (
          <li key={link.href}>
            <a href={link.href}>{t(link.label)}</a>
          </li>
        ))}
      </ul>
    </>
  );
}

function CoachSection({ coached }: { coached: Extract<Dashboard, { role: 'coach' }>['coached'] }) {
  const { t } = usePage();
  return (
    <>
      <h2>{t('home.dashboard.coached')}</h2>
      {coached.length === 0 ? (
        <p class="empty">{t('home.dashboard.noCoached')}</p>
      ) : (
        <ul>
          {coached.map((library) => (
            <li key={library.libraryId}>
              <a href={href(libraryRoutes.library, { library: library.slug })}>{library.libraryName}</a> ·{' '}
              <a href={href(workspaceRoutes.journey, { library: library.slug })}>{t('home.dashboard.workspaceOf', { name: library.libraryName })}</a>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function StaffSection({ libraries }: { libraries: Extract<Dashboard, { role: 'staff' }>['libraries'] }) {
  const { t, locale } = usePage();
  return (
    <>
      <h2>{t('home.dashboard.yourLibraries')}</h2>
      {libraries.length === 0 ? (
        <p class="empty">{t('home.dashboard.noLibrary')}</p>
      ) : (
        <ul class="cards">
          {libraries.map((library) => (
            <li class="card" key={library.libraryId}>
              <h3>
                <a href={href(libraryRoutes.library, { library: library.slug })}>{library.libraryName}</a>
              </h3>
              <p>{t('home.dashboard.yourRole', { role: t(library.role === 'lead' ? 'libraryRole.lead' : 'libraryRole.member') })}</p>
              <p>{t('home.dashboard.teamSize', { count: formatNumber(library.teamSize, locale) })}</p>
              <p>
                <a class="button button-primary" href={href(workspaceRoutes.journey, { library: library.slug })}>
                  {t('home.dashboard.openWorkspace')}
                </a>
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** A signed-in person's starting page, with what their role needs first. */
export function DashboardPage({ dashboard }: { dashboard: Dashboard }) {
  const { t, actor } = usePage();
  return (
    <Layout title={t('home.dashboard.title')}>
      <PageHeading title={t('home.dashboard.title')} lead={t('home.dashboard.greeting', { name: actor?.name ?? '' })} />
      {dashboard.role === 'admin' && <AdminSection counts={dashboard.counts} />}
      {dashboard.role === 'coach' && <CoachSection coached={dashboard.coached} />}
      {dashboard.role === 'staff' && <StaffSection libraries={dashboard.libraries} />}
    </Layout>
  );
}
