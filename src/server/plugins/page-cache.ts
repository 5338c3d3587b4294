import { createHash } from 'node:crypto';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import fp from 'fastify-plugin';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** How long a rendered public page may be served before it is rendered again. */
const TTL_MS = 2_000;
const MAX_ENTRIES = 500;

/** A strong validator for a body, so pollers (feed readers) can get a bodiless 304. */
const etagOf = (body: string) => `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;

/** Sends a public body with its validator, or 304 when the client already has it. */
function sendWithValidator(request: FastifyRequest, reply: FastifyReply, body: string, type: string, etag: string) {
  reply.type(type).header('cache-control', 'no-cache').header('etag', etag);
  if (request.headers['if-none-match'] === etag) return reply.status(304).send();
  return reply.send(body);
}

/** The encoding to use for a request: brotli, else gzip, else none. */
function preferredEncoding(request: FastifyRequest): 'br' | 'gzip' | undefined {
  const accepted = String(request.headers['accept-encoding'] ?? '');
  if (/\bbr\b/.test(accepted)) return 'br';
  if (/\bgzip\b/.test(accepted)) return 'gzip';
  return undefined;
}

/**
 * Sends a cached entry, compressed once and kept: compressing the same page
 * on every request cost more than rendering it.
 */
function sendEntry(request: FastifyRequest, reply: FastifyReply, entry: Entry) {
  const encoding = preferredEncoding(request);
  if (!encoding || request.headers['if-none-match'] === entry.etag) {
    return sendWithValidator(request, reply, entry.body, entry.type, entry.etag);
  }
  const compressed =
    encoding === 'br'
      ? (entry.br ??= brotliCompressSync(entry.body, { params: { [constants.BROTLI_PARAM_QUALITY]: 9 } }))
      : (entry.gzip ??= gzipSync(entry.body, { level: 9 }));
  return reply
    .type(entry.type)
    .header('cache-control', 'no-cache')
    .header('etag', entry.etag)
    .header('vary', 'accept-encoding')
    .header('content-encoding', encoding)
    .send(compressed);
}

interface Entry {
  body: string;
  /** The Content-Type it was sent with: HTML for pages, XML for feeds, text for robots.txt. */
  type: string;
  etag: string;
  /** Compressed copies, made once on first demand rather than on every request. */
  br?: Buffer;
  gzip?: Buffer;
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
      return sendEntry(request, reply, entry);
    }
    // The count is taken before the handler reads anything, so a write that
    // lands while the page renders makes the stored copy stale, not current.
    request.cacheSlot = { key, writes: writes.count };
  });

  /** Keeps what was made for a cacheable request. */
  const store = (request: FastifyRequest, body: string, type: string, etag = etagOf(body)): string | undefined => {
    const slot = request.cacheSlot;
    if (!slot) return undefined;
    if (entries.size >= MAX_ENTRIES) entries.clear();
    entries.set(slot.key, { body, type, etag, expires: Date.now() + TTL_MS, writes: slot.writes });
    return etag;
  };

  app.decorate('pageCache', { store });

  // For public answers that are not pages (feeds, sitemap, robots.txt).
  app.decorateReply('sendPublic', function (this: FastifyReply, body: string, type: string) {
    const etag = etagOf(body);
    store(this.request, body, type, etag);
    return sendWithValidator(this.request, this, body, type, etag);
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
    /** Keeps a public answer; returns its ETag when it was kept. */
    pageCache: { store(request: FastifyRequest, body: string, type: string): string | undefined };
  }
  interface FastifyReply {
    /** Sends a public non-HTML answer with an ETag, kept in the page cache when the route opts in. */
    sendPublic(body: string, type: string): FastifyReply;
  }
}
