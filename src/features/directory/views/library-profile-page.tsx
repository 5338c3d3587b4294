import type { ComponentChildren } from 'preact';
import { Layout, PageHeading } from '../../../ui/layout';
import { usePage } from '../../../ui/context';
import { SummaryList } from '../../../ui/table';
import { Pagination, type Page } from '../../../ui/pagination';
import { SeoHead } from '../../../ui/seo';
import { formatDate, formatNumber } from '../../../i18n/format';
import type { Library } from '../../libraries/service';
import type { PublishedSummary } from '../../content/service';
import type { ImageInfo } from '../../images/service';
import { ImagePicture } from '../../images/views/figure';
import { Paragraphs } from '../../../ui/paragraphs';
import { href } from '../../../server/route-contract';
import { directoryRoutes } from '../route-table';

/** A postcard with its photo, when it has one. */
export interface PostcardCard {
  item: PublishedSummary;
  image: ImageInfo | undefined;
}

interface LibraryProfilePageProps {
  library: Library;
  cohortName: string | undefined;
  story: PublishedSummary | undefined;
  postcards: Page<PostcardCard>;
}

/** A card photo fills a card of the grid: about 20rem at most. */
const CARD_SIZES = '(min-width: 40rem) 20rem, 100vw';

/** The publication day of an item. */
function Published({ iso }: { iso: string }) {
  const { t, locale } = usePage();
  return (
    <p class="hint">
      <time dateTime={iso}>{t('directory.published', { date: formatDate(iso.slice(0, 10), locale) })}</time>
    </p>
  );
}


/**
 * A participating library's public profile: where it is, whom it serves,
 * its cohort, its transformation story and its postcards. Nothing about its
 * team is shown here.
 */
export function LibraryProfilePage({ library, cohortName, story, postcards }: LibraryProfilePageProps) {
  const { t, locale } = usePage();
  const place = t('directory.place', { town: library.town, state: library.state });
  const description = library.description || t('directory.profile.description', { name: library.name, town: library.town, state: library.state });
  const details: Array<[string, ComponentChildren]> = [
    [t('directory.profile.peopleServed'), library.peopleServed === null ? t('directory.unknown') : formatNumber(library.peopleServed, locale)],
  ];
  if (cohortName) details.push([t('directory.profile.cohort'), cohortName]);
  if (library.website) {
    details.push([
      t('directory.profile.website'),
      <a href={library.website} rel="noopener">
        {t('directory.profile.websiteLink')}
      </a>,
    ]);
  }
  const path = href(directoryRoutes.profile, { library: library.slug });
  const jsonLd = {
    '@type': 'Library',
    name: library.name,
    address: { '@type': 'PostalAddress', addressLocality: library.town, addressRegion: library.state, addressCountry: 'US' },
    ...(library.website ? { sameAs: library.website } : {}),
  };
  return (
    <Layout
      title={library.name}
      description={description}
      head={<SeoHead title={library.name} description={description} path={path} jsonLd={jsonLd} />}
    >
      <PageHeading title={library.name} lead={place} />
      <section aria-labelledby="library-details">
        <h2 id="library-details">{t('directory.profile.details')}</h2>
        {library.description && <Paragraphs text={library.description} />}
        <SummaryList items={details} />
      </section>
      <section aria-labelledby="library-story">
        <h2 id="library-story">{t('directory.story.title')}</h2>
        {story ? (
          <article class="card">
            <h3>
              <a href={story.path}>{story.title}</a>
            </h3>
            {story.summary && <p>{story.summary}</p>}
            <Published iso={story.publishedAt} />
          </article>
        ) : (
          <p class="empty">{t('directory.story.none')}</p>
        )}
      </section>
      <section aria-labelledby="library-postcards">
        <h2 id="library-postcards">{t('directory.postcards.title')}</h2>
        {postcards.items.length === 0 ? (
          <p class="empty">{t('directory.postcards.none')}</p>
        ) : (
          <ul class="cards" aria-label={t('directory.postcards.caption', { name: library.name })}>
            {postcards.items.map(({ item, image }) => (
              <li class="card" key={item.id}>
                <article>
                  {image && <ImagePicture image={image} sizes={CARD_SIZES} />}
                  <h3>
                    <a href={item.path}>{item.title}</a>
                  </h3>
                  {item.summary && <p>{item.summary}</p>}
                  <Published iso={item.publishedAt} />
                </article>
              </li>
            ))}
          </ul>
        )}
        <Pagination page={postcards.page} pages={postcards.pages} />
      </section>
      <p>
        <a href={href(directoryRoutes.list)}>{t('directory.back')}</a>
      </p>
    </Layout>
  );
}
