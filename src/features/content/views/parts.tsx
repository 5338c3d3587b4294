import { usePage } from '../../../ui/context';
import { Markdown, markdownToText } from '../../../ui/markdown';
import { formatDate, formatDateTime } from '../../../i18n/format';
import type { Locale, MessageKey } from '../../../i18n';
import { ImageFigure } from '../../images/views/figure';
import type { ImageInfo } from '../../images/service';
import type { ItemStatus, PublishedItem, PublishedSummary, Tag } from '../service';
import { tagPath, type ContentType } from '../urls';
import { href } from '../../../server/route-contract';
import { directoryRoutes } from '../../directory/route-table';

/** Message keys of each type's label, singular name and list title. */
export const typeLabel = (type: ContentType): MessageKey => `content.type.${type}`;
export const typeName = (type: ContentType): MessageKey => `content.typeName.${type}`;
export const listTitle = (type: ContentType): MessageKey => `content.list.${type}`;
export const tagKindLabel = (kind: Tag['kind']): MessageKey => `content.tagKind.${kind}`;

/** The day of an instant, as readers see it. */
export function dayOf(iso: string, locale: Locale): string {
  return formatDate(iso.slice(0, 10), locale);
}

/** A date in a <time> element. */
export function Day({ iso }: { iso: string }) {
  const { locale } = usePage();
  return <time dateTime={iso}>{dayOf(iso, locale)}</time>;
}

/** "Draft", "Scheduled for …" or "Published …", in the reader's time zone. */
export function StatusText({ status, publishedAt }: { status: ItemStatus; publishedAt: string | null }) {
  const { t, locale, timeZone } = usePage();
  const date = publishedAt ? formatDateTime(publishedAt, locale, timeZone) : '';
  return <>{t(`content.status.${status}`, { date })}</>;
}

/** Links to each tag's page. */
export function TagLinks({ tags }: { tags: Tag[] }) {
  return (
    <ul class="tag-list">
      {tags.map((tag) => (
        <li key={tag.id}>
          <a class="tag" href={tagPath(tag.slug)}>
            {tag.name}
          </a>
        </li>
      ))}
    </ul>
  );
}

/**
 * Published items as a list: type, linked title, excerpt and a date (the
 * publication date, or the last change for "Most recently added").
 */
export function ItemList({ items, heading = 'h2', date = 'published' }: { items: PublishedSummary[]; heading?: 'h2' | 'h3'; date?: 'published' | 'updated' }) {
  const { t, locale } = usePage();
  const Heading = heading;
  return (
    <ul class="cards">
      {items.map((item) => (
        <li class="card" key={item.id}>
          <article>
            <p class="tag">{t(typeLabel(item.type))}</p>
            <Heading>
              <a href={item.path}>{item.title}</a>
            </Heading>
            {item.summary && <p>{item.summary}</p>}
            <p class="hint">
              {date === 'updated'
                ? t('content.item.updated', { date: dayOf(item.updatedAt, locale) })
                : t('content.item.published', { date: dayOf(item.publishedAt, locale) })}
            </p>
          </article>
        </li>
      ))}
    </ul>
  );
}

/** True when the summary is only the start of the body, which the page shows anyway. */
function startsWithSummary(item: PublishedItem): boolean {
  return markdownToText(item.body).startsWith(item.summary.replace(/…$/, ''));
}

/**
 * An item as its public page shows it: date, library, tags, image, text,
 * and the links of a collection or the three parts of a story.
 */
export function ItemArticle({ item, image }: { item: PublishedItem; image: ImageInfo | undefined }) {
  const { t } = usePage();
  return (
    <article>
      {!startsWithSummary(item) && <p class="lead">{item.summary}</p>}
      <dl class="summary-list" aria-label={t('content.item.details')}>
        <div>
          <dt>{t('content.column.type')}</dt>
          <dd>{t(typeLabel(item.type))}</dd>
        </div>
        <div>
          <dt>{t('content.item.date')}</dt>
          <dd>
            <Day iso={item.publishedAt} />
          </dd>
        </div>
        {item.library && (
          <div>
            <dt>{t('content.item.library')}</dt>
            <dd>
              <a href={href(directoryRoutes.profile, { library: item.library.slug })}>{item.library.name}</a>
            </dd>
          </div>
        )}
        {item.tags.length > 0 && (
          <div>
            <dt>{t('content.item.tags')}</dt>
            <dd>
              <TagLinks tags={item.tags} />
            </dd>
          </div>
        )}
      </dl>
      {image && <ImageFigure image={image} lazy={false} />}
      <Markdown source={item.body} />
      {item.links.length > 0 && (
        <section aria-labelledby="collection-links">
          <h2 id="collection-links">{t('content.item.links')}</h2>
          <ul>
            {item.links.map((link, index) => (
              <li key={index}>
                <a href={link.url} rel="noopener noreferrer">
                  {link.title}
                </a>
                {link.description && <> — {link.description}</>}
              </li>
            ))}
          </ul>
        </section>
      )}
      {item.sections &&
        (['before', 'during', 'after'] as const).map(
          (part) =>
            item.sections?.[part] && (
              <section key={part} aria-labelledby={`story-${part}`}>
                <h2 id={`story-${part}`}>{t(`content.item.${part}`)}</h2>
                <Markdown source={item.sections[part]} />
              </section>
            ),
        )}
    </article>
  );
}
