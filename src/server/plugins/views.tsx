import fp from 'fastify-plugin';
import { renderToString } from 'preact-render-to-string';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { PageCtx, type Flash, type PageContext } from '../../ui/context';
import { translator } from '../../i18n';
import { abilities, NO_ABILITIES } from '../../policy';

const FLASH_COOKIE = 'ss_flash';

function readFlash(request: FastifyRequest, reply: FastifyReply): Flash | undefined {
  // Cookies are not parsed for requests the router rejected early.
  const raw = request.cookies?.[FLASH_COOKIE];
  if (!raw) return undefined;
  reply.clearCookie(FLASH_COOKIE, { path: '/' });
  const unsigned = request.unsignCookie(raw);
  if (!unsigned.valid || !unsigned.value) return undefined;
  try {
    const parsed = JSON.parse(unsigned.value) as Flash;
    return (parsed.kind === 'success' || parsed.kind === 'info') && typeof parsed.message === 'string' ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/** Builds the page context for a request; tolerant of a request that failed early. */
export function pageContext(request: FastifyRequest, reply: FastifyReply, assets: (name: string) => string): PageContext {
  const actor = request.actor ?? null;
  const locale = request.locale ?? 'en';
  let token: string | undefined;
  return {
    t: request.t ?? translator(locale),
    locale,
    actor,
    abilities: request.library ? abilities(actor, request.library.id) : NO_ABILITIES,
    path: (request.url ?? '/').split('?')[0] ?? '/',
    flash: readFlash(request, reply),
    csrfToken: () => (token ??= reply.generateCsrf()),
    asset: assets,
    timeZone: actor?.timeZone ?? 'UTC',
    publicUrl: request.server.config.publicUrl,
  };
}

/** Renders a page for a request and sends it as HTML with the given status. */
export function sendPage(request: FastifyRequest, reply: FastifyReply, asset: (name: string) => string, page: VNode, status: number) {
  const ctx = pageContext(request, reply, asset);
  let usedToken = false;
  const csrfToken = ctx.csrfToken;
  ctx.csrfToken = () => {
    usedToken = true;
    return csrfToken();
  };
  const html = `<!doctype html>${renderToString(<PageCtx.Provider value={ctx}>{page}</PageCtx.Provider>)}`;
  // A page holding a CSRF token belongs to one visitor and is never shared.
  if (status === 200 && !usedToken && request.cacheSlot) {
    const etag = request.server.pageCache.store(request, html, 'text/html; charset=utf-8');
    if (etag) reply.header('etag', etag);
  }
  // Pages can carry personal data or CSRF tokens: never store them in shared caches.
  return reply
    .status(status)
    .header('cache-control', ctx.actor ? 'private, no-store' : 'no-cache')
    .type('text/html; charset=utf-8')
    .send(html);
}

/** Adds `reply.view()` and `reply.flash()`. */
export const viewsPlugin = fp<{ asset: (name: string) => string }>(async (app, options) => {
  app.decorateReply('view', function (this: FastifyReply, page: VNode, status = 200) {
    return sendPage(this.request, this, options.asset, page, status);
  });
  app.decorateReply('flash', function (this: FastifyReply, kind: Flash['kind'], message: string) {
    return this.setCookie(FLASH_COOKIE, JSON.stringify({ kind, message }), {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      signed: true,
      maxAge: 60,
    });
  });
});
