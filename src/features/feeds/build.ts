import { Feed } from 'feed';
import { renderMarkdown } from '../../ui/markdown';
import type { PublishedItem } from '../content/service';
import { tagPath } from '../content/urls';
import { href } from '../../server/route-contract';
import { feedsRoutes } from './route-table';

/*
 * The XML and text the feeds feature serves, built from published items.
 * Pure functions: the routes fetch, these write.
 */

export type FeedFormat = 'atom' | 'rss';

export const FEED_TYPES: Record<FeedFormat, string> = {
  atom: 'application/atom+xml; charset=utf-8',
  rss: 'application/rss+xml; charset=utf-8',
};

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Escapes text for XML and HTML element content and attribute values. */
export const escapeXml = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

/** Makes the site-relative links and images of rendered HTML absolute: feed readers show it off the site. */
export function absoluteLinks(html: string, publicUrl: string): string {
  return html.replace(/\b(href|src)="\/(?!\/)/g, `$1="${publicUrl}/`);
}

const SAFE_LINK = /^(https?:\/\/|mailto:|\/(?!\/))/i;

/** What a feed item's body shows besides its Markdown. */
export interface FeedItemExtras {
  /** An image for the item, with an absolute address. */
  image?: { src: string; alt: string; width: number; height: number; credit: string };
  /** Headings of a story's parts, in the reader's language. */
  sectionTitles: { before: string; during: string; after: string };
}

/** The full HTML of an item for a feed: image, body, a collection's links, a story's parts. */
export function itemHtml(item: PublishedItem, extras: FeedItemExtras, publicUrl: string): string {
  const parts: string[] = [];
  const { image } = extras;
  if (image) {
    const caption = image.credit ? `<figcaption>${escapeXml(image.credit)}</figcaption>` : '';
    parts.push(
      `<figure><img src="${escapeXml(image.src)}" alt="${escapeXml(image.alt)}" width="${image.width}" height="${image.height}">${caption}</figure>`,
    );
  }
  if (item.body) parts.push(renderMarkdown(item.body));
  if (item.links.length > 0) {
    const links = item.links.map((link) => {
      const title = escapeXml(link.title);
      // Only web, mail and site addresses become links: a stored javascript: address never reaches a reader.
      const anchor = SAFE_LINK.test(link.url) ? `<a href="${escapeXml(link.url)}">${title}</a>` : title;
      return `<li>${anchor}${link.description ? ` – ${escapeXml(link.description)}` : ''}</li>`;
    });
    parts.push(`<ul>${links.join('')}</ul>`);
  }
  if (item.sections) {
    for (const key of ['before', 'during', 'after'] as const) {
      if (item.sections[key]) parts.push(`<h2>${escapeXml(extras.sectionTitles[key])}</h2>${renderMarkdown(item.sections[key])}`);
    }
  }
  return absoluteLinks(parts.join('\n'), publicUrl);
}

/** What describes one feed. */
export interface FeedMeta {
  title: string;
  description: string;
  /** Absolute address of the page the feed follows, e.g. https://…/news. */
  pageUrl: string;
  /** Absolute address of the feed itself. */
  feedUrl: string;
  /** Who publishes the feed (Atom requires an author). */
  author: string;
}

/**
 * An Atom 1.0 or RSS 2.0 document of items, newest first. Entry ids are
 * `urn:uuid:` of the item id: they never change, even if a title does.
 */
export function buildFeed(
  format: FeedFormat,
  meta: FeedMeta,
  entries: { item: PublishedItem; html: string }[],
  publicUrl: string,
): string {
  const updated = entries.reduce((latest, { item }) => (item.updatedAt > latest ? item.updatedAt : latest), '');
  const feed = new Feed({
    id: meta.feedUrl,
    title: meta.title,
    description: meta.description,
    link: meta.pageUrl,
    // An empty feed has changed at no particular time; the epoch keeps the output stable.
    updated: new Date(updated || 0),
    generator: false,
    copyright: '',
    author: { name: meta.author, link: `${publicUrl}/` },
    feedLinks: { [format]: meta.feedUrl },
  });
  for (const { item, html } of entries) {
    const link = `${publicUrl}${item.path}`;
    feed.addItem({
      // Atom titles are declared as HTML, and RSS readers commonly render
      // titles as HTML (the feed package writes them raw inside CDATA): escape
      // both, so markup in a title reaches every reader as plain text.
      title: escapeXml(item.title),
      id: `urn:uuid:${item.id}`,
      guid: `urn:uuid:${item.id}`,
      link,
      date: new Date(format === 'atom' ? item.updatedAt : item.publishedAt),
      published: new Date(item.publishedAt),
      description: escapeXml(item.summary),
      content: html,
      category: item.tags.map((tag) => ({ name: tag.name, term: tag.slug, domain: `${publicUrl}${tagPath(tag.slug)}` })),
    });
  }
  return format === 'atom' ? feed.atom1() : feed.rss2();
}

/** One address in the sitemap, with its last change when known. */
export interface SitemapEntry {
  path: string;
  lastmod?: string;
}

/** A sitemaps.org urlset of absolute addresses. */
export function buildSitemap(entries: SitemapEntry[], publicUrl: string): string {
  const urls = entries.map(
    ({ path, lastmod }) => `  <url><loc>${escapeXml(`${publicUrl}${path}`)}</loc>${lastmod ? `<lastmod>${escapeXml(lastmod)}</lastmod>` : ''}</url>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`;
}

/** Areas that need an account or hold personal data: crawlers have no business there. */
const PRIVATE_PATHS = [
  '/account',
  '/dashboard',
  '/people',
  '/program',
  '/content',
  '/libraries',
  '/images/new',
  '/outbox',
  '/messages',
  '/newsletter/issues',
  '/newsletter/subscribers',
  '/sign-in',
  '/setup',
  '/invitations/',
  '/reset-password/',
  '/forgot-password',
];

/** robots.txt: everything public may be crawled, private areas not; where the sitemap is. */
export function buildRobots(publicUrl: string): string {
  return ['User-agent: *', 'Allow: /', ...PRIVATE_PATHS.map((path) => `Disallow: ${path}`), '', `Sitemap: ${publicUrl}${href(feedsRoutes.sitemap)}`, ''].join('\n');
}
