import { Layout, PageHeading } from '../../../ui/layout';
import { usePage } from '../../../ui/context';
import { Markdown } from '../../../ui/markdown';
import { SeoHead } from '../../../ui/seo';
import { emptyForm } from '../../../ui/forms';
import { SubscribeForm } from '../../newsletter/views/subscribe-form';
import { ItemList } from '../../content/views/parts';
import type { PublishedSummary } from '../../content/service';
import type { PublicHome } from '../service';
import { Paragraphs } from '../../../ui/paragraphs';
import { href } from '../../../server/route-contract';
import { directoryRoutes } from '../../directory/route-table';
import { feedsRoutes } from '../../feeds/route-table';
import { contactRoutes } from '../../contact/route-table';
import { newsletterRoutes } from '../../newsletter/route-table';
import { homeRoutes } from '../route-table';


/** The ways to follow the program: newsletter, feeds, past issues and contact. */
function StayUpToDate() {
  const { t } = usePage();
  return (
    <section aria-labelledby="stay-up-to-date">
      <h2 id="stay-up-to-date">{t('home.follow.title')}</h2>
      <h3 id="subscribe-title">{t('home.follow.subscribe')}</h3>
      {/* The form carries no CSRF token, so this page stays cacheable. */}
      <SubscribeForm form={emptyForm()} headingId="subscribe-title" />
      <ul>
        <li>
          <a href={href(feedsRoutes.feed, { feed: 'all.atom' })}>{t('home.follow.atom')}</a>
        </li>
        <li>
          <a href={href(feedsRoutes.feed, { feed: 'all.rss' })}>{t('home.follow.rss')}</a>
        </li>
        <li>
          <a href={href(newsletterRoutes.newsletter)}>{t('home.follow.archive')}</a>
        </li>
        <li>
          <a href={href(contactRoutes.form)}>{t('home.follow.contact')}</a>
        </li>
      </ul>
    </section>
  );
}

/**
 * The public home page: the program's own text (the published page "home",
 * or the program description until there is one), what was added most
 * recently, the participating libraries, and the ways to stay up to date.
 */
export function HomePage({ home, text, recent }: { home: PublicHome; text: string | undefined; recent: PublishedSummary[] }) {
  const { t, actor } = usePage();
  const title = home.program?.name ?? t('site.name');
  const head = (
    <>
      <SeoHead title={title} description={t('home.intro')} path="/" />
      <link rel="alternate" type="application/atom+xml" title={t('home.follow.atom')} href={href(feedsRoutes.feed, { feed: 'all.atom' })} />
      <link rel="alternate" type="application/rss+xml" title={t('home.follow.rss')} href={href(feedsRoutes.feed, { feed: 'all.rss' })} />
    </>
  );
  return (
    <Layout title={title} description={t('home.intro')} head={head}>
      <PageHeading title={title} lead={t('home.intro')} />
      {text !== undefined ? (
        <Markdown source={text} />
      ) : home.program ? (
        <Paragraphs text={home.program.description} />
      ) : (
        <p class="empty">{t('home.noProgram')}</p>
      )}
      {home.needsSetup && (
        <p>
          {t('home.setup.text')} <a href="/setup">{t('home.setup.link')}</a>
        </p>
      )}
      {actor ? (
        <p>
          <a href={href(homeRoutes.dashboard)}>{t('home.dashboardLink')}</a>
        </p>
      ) : (
        <p>
          {t('home.signIn.text')} <a href="/sign-in">{t('home.signIn.link')}</a>
        </p>
      )}
      <section aria-labelledby="recently-added">
        <h2 id="recently-added">{t('home.recent.title')}</h2>
        {recent.length === 0 ? <p class="empty">{t('home.recent.empty')}</p> : <ItemList items={recent} heading="h3" date="updated" />}
      </section>
      <section aria-labelledby="participating-libraries">
        <h2 id="participating-libraries">{t('home.libraries.title')}</h2>
        {home.libraries.length === 0 ? (
          <p class="empty">{t('home.libraries.empty')}</p>
        ) : (
          <>
            <ul>
              {home.libraries.map((library) => (
                <li key={library.id}>
                  <a href={href(directoryRoutes.profile, { library: library.slug })}>{library.name}</a> — {t('home.libraries.place', { town: library.town, state: library.state })}
                </li>
              ))}
            </ul>
            <p>
              <a href={href(directoryRoutes.list)}>{t('home.libraries.all')}</a>
            </p>
          </>
        )}
      </section>
      <StayUpToDate />
    </Layout>
  );
}
