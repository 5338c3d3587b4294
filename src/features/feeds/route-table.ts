import { defineRoutes } from '../../server/route-contract';

/** Feeds and crawler files are the same for every visitor, so they may be served from the public page cache. */
const everyone = { can: 'site.view', config: { publicCache: true } } as const;

/** The feeds' routes: every link to them is built from this table with `href`. */
export const feedsRoutes = defineRoutes({
  /** `all.atom`, `news.rss`: every published item, or those of one type. */
  feed: { method: 'GET', path: '/feeds/:feed', ...everyone },
  /** `makerspaces.atom`: the items with one tag. */
  tagFeed: { method: 'GET', path: '/feeds/tags/:tagFeed', ...everyone },
  sitemap: { method: 'GET', path: '/sitemap.xml', ...everyone },
  robots: { method: 'GET', path: '/robots.txt', ...everyone },
});
