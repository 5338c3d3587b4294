import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { HttpError } from '../../server/http-error';
import { addRoute, href } from '../../server/route-contract';
import type { MessageKey } from '../../i18n';
import type { PublishedItem } from '../content/service';
import { CONTENT_TYPES, isContentType, tagPath, typeListPath, type ContentType } from '../content/urls';
import { directoryRoutes } from '../directory/route-table';
import { feedsRoutes as paths } from './route-table';
import { buildFeed, buildRobots, buildSitemap, FEED_TYPES, itemHtml, type FeedFormat, type FeedMeta, type SitemapEntry } from './build';
import { imagesRoutes } from '../images/route-table';
import { newsletterRoutes } from '../newsletter/route-table';

const FEED_FILE = /^([a-z0-9-]+)\.(atom|rss)$/;

/** Splits `news.atom` into its name and format; 404 for anything else. */
function feedFile(value: string): { name: string; format: FeedFormat } {
  const match = FEED_FILE.exec(value);
  if (!match) throw new HttpError(404);
  return { name: match[1]!, format: match[2] as FeedFormat };
}

const feedTypeName = (type: ContentType): MessageKey => `feeds.type.${type}`;

/** Atom and RSS feeds (all, per type, per tag), the sitemap and robots.txt. */
export async function feedsRoutes(app: FastifyInstance) {
  const { content, images, libraries, newsletter } = app.services;
  // The public address is read per request, not copied here: a server started
  // on port 0 learns its address only after the routes are registered.

  /** The latest 20 published items matching the filter, with everything their feed entry shows. */
  async function entries(request: FastifyRequest, filter: { type?: ContentType; tag?: string }) {
    const { publicUrl } = app.config;
    const { items } = await content.listPublished(filter, 1);
    const full = await content.getPublishedByIds(items.map((item) => item.id));
    const sectionTitles = { before: request.t('feeds.story.before'), during: request.t('feeds.story.during'), after: request.t('feeds.story.after') };
    return Promise.all(
      full.map(async (item: PublishedItem) => {
        const image = item.imageId ? await images.getImage(item.imageId) : undefined;
        const width = image?.widths.at(-1);
        const extras = {
          sectionTitles,
          image:
            image && width
              ? {
                  src: `${publicUrl}${href(imagesRoutes.file, { image: image.id, file: `${width}.jpg` })}`,
                  alt: image.alt,
                  width: image.width,
                  height: image.height,
                  credit: [image.credit, image.licence].filter(Boolean).join(' · '),
                }
              : undefined,
        };
        return { item, html: itemHtml(item, extras, publicUrl) };
      }),
    );
  }

  function sendFeed(request: FastifyRequest, reply: FastifyReply, format: FeedFormat, meta: Omit<FeedMeta, 'author'>, list: Awaited<ReturnType<typeof entries>>) {
    const xml = buildFeed(format, { ...meta, author: request.t('site.name') }, list, app.config.publicUrl);
    return reply.sendPublic(xml, FEED_TYPES[format]);
  }

  addRoute(app, paths.feed, async (request, reply) => {
    const { name, format } = feedFile(request.params.feed);
    const { t } = request;
    const { publicUrl } = app.config;
    const site = t('site.name');
    const feedUrl = `${publicUrl}${href(paths.feed, { feed: `${name}.${format}` })}`;
    if (name === 'all') {
      const meta = { title: t('feeds.title', { site, name: t('feeds.all.name') }), description: t('feeds.all.description'), pageUrl: `${publicUrl}/`, feedUrl };
      return sendFeed(request, reply, format, meta, await entries(request, {}));
    }
    if (!isContentType(name)) throw new HttpError(404);
    const typeName = t(feedTypeName(name));
    const meta = {
      title: t('feeds.title', { site, name: typeName }),
      description: t('feeds.type.description', { name: typeName }),
      pageUrl: `${publicUrl}${typeListPath(name)}`,
      feedUrl,
    };
    return sendFeed(request, reply, format, meta, await entries(request, { type: name }));
  });

  addRoute(app, paths.tagFeed, async (request, reply) => {
    const { name, format } = feedFile(request.params.tagFeed);
    const tag = await content.getTag(name);
    if (!tag) throw new HttpError(404);
    const { t } = request;
    const { publicUrl } = app.config;
    const meta = {
      title: t('feeds.title', { site: t('site.name'), name: tag.name }),
      description: t('feeds.tag.description', { name: tag.name }),
      pageUrl: `${publicUrl}${tagPath(tag.slug)}`,
      feedUrl: `${publicUrl}${href(paths.tagFeed, { tagFeed: `${tag.slug}.${format}` })}`,
    };
    return sendFeed(request, reply, format, meta, await entries(request, { tag: tag.slug }));
  });

  addRoute(app, paths.sitemap, async (request, reply) => {
    const [items, tags, all, issues] = await Promise.all([
      content.allPublished(),
      content.listTags(),
      libraries.allLibraries(),
      newsletter.allSentIssues(),
    ]);
    const urls: SitemapEntry[] = [
      { path: '/', lastmod: items.reduce((latest, item) => (item.updatedAt > latest ? item.updatedAt : latest), '') || undefined },
      // Plain pages are reached from links and menus, not from a list.
      ...CONTENT_TYPES.filter((type) => type !== 'page').map((type) => ({ path: typeListPath(type) })),
      ...items.map((item) => ({ path: item.path, lastmod: item.updatedAt })),
      ...tags.map((tag) => ({ path: tagPath(tag.slug) })),
      { path: href(directoryRoutes.list) },
      ...all.map((library) => ({ path: href(directoryRoutes.profile, { library: library.slug }), lastmod: library.updatedAt })),
      { path: href(newsletterRoutes.newsletter) },
      ...issues.map((issue) => ({ path: href(newsletterRoutes.archive, { issue: issue.id }), lastmod: issue.finished_at ?? undefined })),
    ];
    return reply.sendPublic(buildSitemap(urls, app.config.publicUrl), 'application/xml; charset=utf-8');
  });

  addRoute(app, paths.robots, async (request, reply) => reply.sendPublic(buildRobots(app.config.publicUrl), 'text/plain; charset=utf-8'));
}
