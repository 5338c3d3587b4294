import fp from 'fastify-plugin';
import type { FastifyRequest } from 'fastify';

/** How long a rendered public page may be served before it is rendered again. */
const TTL_MS = 2_000;
const MAX_ENTRIES = 500;

interface Entry {
  html: string;
  expires: number;
  /** The database write count when the page was rendered. */
  writes: number;
}

/**
 * A short-lived cache of public pages as visitors see them.
 *
 * Public pages are read far more than they change, and a small library's
 * $5 server should not render the same page hundreds of times a second.
 * Only routes that opt in (`config.publicCache`) are cached, only for
 * visitors (no session, no flash message), and only pages that needed no
 * CSRF token. Any write to the database through this instance makes every
 * cached page stale, so an editor sees their change at once; writes made by
 * other instances show within two seconds.
 */
export const pageCachePlugin = fp(async (app) => {
  const entries = new Map<string, Entry>();
  const { writes } = app.database;

  const keyOf = (request: FastifyRequest) => `${request.locale}\u0000${request.url}`;

  const cacheable = (request: FastifyRequest) =>
    request.method === 'GET' &&
    request.routeOptions.config.publicCache === true &&
    request.actor === null &&
    !request.cookies.ss_flash;

  app.decorateRequest('cacheSlot', undefined);

  app.addHook('preHandler', async (request, reply) => {
    if (!cacheable(request)) return;
    const key = keyOf(request);
    const entry = entries.get(key);
    if (entry && entry.expires > Date.now() && entry.writes === writes.count) {
      return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(entry.html);
    }
    // The count is taken before the handler reads anything, so a write that
    // lands while the page renders makes the stored copy stale, not current.
    request.cacheSlot = { key, writes: writes.count };
  });

  app.decorate('pageCache', {
    /** Keeps a page rendered for a cacheable request. */
    store(request: FastifyRequest, html: string) {
      const slot = request.cacheSlot;
      if (!slot) return;
      if (entries.size >= MAX_ENTRIES) entries.clear();
      entries.set(slot.key, { html, expires: Date.now() + TTL_MS, writes: slot.writes });
    },
  });
});

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Serve this public page from the short-lived page cache for visitors. */
    publicCache?: boolean;
  }
  interface FastifyRequest {
    /** Set when the page being rendered may be stored in the page cache. */
    cacheSlot: { key: string; writes: number } | undefined;
  }
  interface FastifyInstance {
    pageCache: { store(request: FastifyRequest, html: string): void };
  }
}
