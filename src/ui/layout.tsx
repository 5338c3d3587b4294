import type { ComponentChildren } from 'preact';
import { can } from '../policy';
import { usePage } from './context';
import type { MessageKey } from '../i18n';

interface LayoutProps {
  title: string;
  /** The meta description, for search engines and link previews. */
  description?: string;
  /** Extra elements for <head>: feed links, OpenGraph tags, JSON-LD. */
  head?: ComponentChildren;
  children: ComponentChildren;
}

interface NavItem {
  href: string;
  label: MessageKey;
}

/** What everyone reads: the program's public hub. */
const PUBLIC_NAV: NavItem[] = [
  { href: '/', label: 'layout.nav.home' },
  { href: '/news', label: 'layout.nav.news' },
  { href: '/resources', label: 'layout.nav.resources' },
  { href: '/directory', label: 'layout.nav.directory' },
  { href: '/search', label: 'layout.nav.search' },
];

/** The work areas a signed-in person may open, by what the policy allows. */
function workNav(actor: NonNullable<ReturnType<typeof usePage>['actor']>): NavItem[] {
  const items: NavItem[] = [{ href: '/dashboard', label: 'layout.nav.dashboard' }];
  if (can(actor, 'account.use')) items.push({ href: '/learning', label: 'layout.nav.learning' });
  if (can(actor, 'libraries.list')) items.push({ href: '/libraries', label: 'layout.nav.libraries' });
  if (can(actor, 'content.manage')) items.push({ href: '/content', label: 'layout.nav.content' });
  if (can(actor, 'newsletter.manage')) items.push({ href: '/newsletter/issues', label: 'layout.nav.newsletter' });
  if (can(actor, 'messages.read')) items.push({ href: '/messages', label: 'layout.nav.messages' });
  if (can(actor, 'people.manage')) items.push({ href: '/people', label: 'layout.nav.people' });
  if (can(actor, 'program.manage')) items.push({ href: '/program', label: 'layout.nav.program' });
  if (can(actor, 'outbox.read')) items.push({ href: '/outbox', label: 'layout.nav.outbox' });
  if (can(actor, 'jobs.manage')) items.push({ href: '/jobs', label: 'layout.nav.jobs' });
  items.push({ href: '/account', label: 'layout.nav.account' });
  return items;
}

function NavList({ items, label }: { items: NavItem[]; label: string }) {
  const { t, path } = usePage();
  return (
    <nav aria-label={label}>
      <ul class="nav">
        {items.map((item) => (
          <li key={item.href}>
            <a href={item.href} aria-current={isCurrent(item.href, path) ? 'page' : undefined}>
              {t(item.label)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** True when `path` is the nav item's page or below it. */
function isCurrent(href: string, path: string): boolean {
  return href === '/' ? path === '/' : path === href || path.startsWith(`${href}/`);
}

/**
 * The page shell: skip link, role-aware navigation, flash message, main
 * landmark and footer. Every page renders inside it.
 */
export function Layout({ title, description, head, children }: LayoutProps) {
  const { t, locale, actor, path, flash, asset, csrfToken } = usePage();
  const siteName = t('site.name');
  return (
    <html lang={locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title === siteName ? siteName : `${title} – ${siteName}`}</title>
        {description && <meta name="description" content={description} />}
        <link rel="stylesheet" href={asset('styles.css')} />
        {head}
      </head>
      <body>
        <a class="skip-link" href="#main">
          {t('layout.skip')}
        </a>
        <header class="site-header">
          <div class="wrap header-row">
            <a class="brand" href="/">
              {siteName}
            </a>
            <NavList items={PUBLIC_NAV} label={t('layout.nav.label')} />
            <div class="account-nav">
              {actor ? (
                <form method="post" action="/sign-out" class="inline-form">
                  <input type="hidden" name="_csrf" value={csrfToken()} />
                  <button type="submit" class="link-button">
                    {t('layout.nav.signOut')}
                  </button>
                </form>
              ) : (
                <a href="/sign-in" aria-current={path === '/sign-in' ? 'page' : undefined}>
                  {t('layout.nav.signIn')}
                </a>
              )}
            </div>
          </div>
          {actor && (
            <div class="work-bar">
              <div class="wrap">
                <NavList items={workNav(actor)} label={t('layout.nav.work')} />
              </div>
            </div>
          )}
        </header>
        <main id="main" class="wrap" tabIndex={-1}>
          {flash && (
            <div class={`flash flash-${flash.kind}`} role="status" aria-label={t('layout.flash.label')}>
              {flash.message}
            </div>
          )}
          {children}
        </main>
        <footer class="site-footer">
          <div class="wrap">
            <p>{t('layout.footer')}</p>
            {!actor && (
              <p>
                {t('layout.language')}:{' '}
                <a href={`?lang=en`} lang="en" hrefLang="en">
                  English
                </a>{' '}
                ·{' '}
                <a href={`?lang=es`} lang="es" hrefLang="es">
                  Español
                </a>
              </p>
            )}
          </div>
        </footer>
      </body>
    </html>
  );
}

/** A page heading with an optional lead paragraph. */
export function PageHeading({ title, lead }: { title: string; lead?: string }) {
  return (
    <div class="page-heading">
      <h1>{title}</h1>
      {lead && <p class="lead">{lead}</p>}
    </div>
  );
}
