import type { ComponentChildren } from 'preact';
import { Layout, PageHeading } from '../layout';
import { usePage } from '../context';
import type { MessageKey } from '../../i18n';

/** What the workspace's pages show of the library they belong to. */
export interface WorkspaceLibraryRef {
  slug: string;
  name: string;
}

/** The parts of a library's workspace, in the order of the method. */
export type WorkspaceSection = 'journey' | 'discover' | 'surveys' | 'ideate' | 'plan' | 'photos' | 'space-use' | 'events' | 'share';

const SECTIONS: ReadonlyArray<{ section: WorkspaceSection; path: string; label: MessageKey }> = [
  { section: 'journey', path: 'journey', label: 'workspace.nav.journey' },
  { section: 'discover', path: 'discover', label: 'workspace.nav.discover' },
  { section: 'surveys', path: 'surveys', label: 'workspace.nav.surveys' },
  { section: 'ideate', path: 'ideate', label: 'workspace.nav.ideate' },
  { section: 'plan', path: 'plan', label: 'workspace.nav.plan' },
  { section: 'photos', path: 'photos', label: 'workspace.nav.photos' },
  { section: 'space-use', path: 'space-use', label: 'spaceUse.nav' },
  { section: 'events', path: 'events', label: 'events.nav' },
  { section: 'share', path: 'share', label: 'workspace.nav.share' },
];

/** The address of a workspace section, e.g. `/libraries/madison/plan`. */
export function sectionPath(library: Pick<WorkspaceLibraryRef, 'slug'>, section: WorkspaceSection): string {
  const found = SECTIONS.find((s) => s.section === section);
  return `/libraries/${library.slug}/${found?.path ?? section}`;
}

interface WorkspaceLayoutProps {
  library: WorkspaceLibraryRef;
  section: WorkspaceSection;
  title: string;
  lead?: string;
  head?: ComponentChildren;
  children: ComponentChildren;
}

/**
 * Every workspace page: the site layout, a link back to the library, the
 * workspace's section navigation and the page heading.
 */
export function WorkspaceLayout({ library, section, title, lead, head, children }: WorkspaceLayoutProps) {
  const { t } = usePage();
  return (
    <Layout title={`${title} – ${library.name}`} head={head}>
      <p class="breadcrumb">
        <a href={`/libraries/${library.slug}`}>{library.name}</a>
      </p>
      <nav aria-label={t('workspace.nav.label')} class="workspace-nav">
        <ul class="nav">
          {SECTIONS.map((s) => (
            <li key={s.section}>
              <a href={sectionPath(library, s.section)} aria-current={s.section === section ? 'page' : undefined}>
                {t(s.label)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <PageHeading title={title} lead={lead} />
      {children}
    </Layout>
  );
}
