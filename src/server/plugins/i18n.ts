import fp from 'fastify-plugin';
import type { FastifyRequest } from 'fastify';
import { asLocale, localeFromAcceptLanguage, translator, type Locale } from '../../i18n';

const LANG_COOKIE = 'lang';

/** Where a request's language came from; only a guess may be overridden. */
type LocaleSource = 'account' | 'link' | 'cookie' | 'browser' | 'default';

function chooseLocale(request: FastifyRequest, fromQuery: Locale | undefined): [Locale, LocaleSource] {
  if (request.actor) return [request.actor.locale, 'account'];
  if (fromQuery) return [fromQuery, 'link'];
  const fromCookie = asLocale(request.cookies[LANG_COOKIE]);
  if (fromCookie) return [fromCookie, 'cookie'];
  const fromBrowser = localeFromAcceptLanguage(request.headers['accept-language']);
  if (fromBrowser) return [fromBrowser, 'browser'];
  return ['en', 'default'];
}

/**
 * Uses a language the page knows better than the browser does (an invitee's
 * own language, say), unless the reader has chosen one themselves.
 */
export function preferLocale(request: FastifyRequest, locale: Locale): void {
  if (request.localeSource !== 'browser' && request.localeSource !== 'default') return;
  request.locale = locale;
  request.t = translator(locale);
}

/**
 * Chooses the language of each request: a signed-in person's setting; else a
 * `?lang=` link (remembered in a cookie); else the cookie; else the browser's
 * Accept-Language; else English. Must run after the session plugin.
 */
export const i18nPlugin = fp(async (app) => {
  app.decorateRequest('locale', 'en');
  app.decorateRequest('localeSource', 'default');
  app.decorateRequest('t', undefined as never);
  app.addHook('onRequest', async (request, reply) => {
    const fromQuery = asLocale((request.query as Record<string, unknown> | undefined)?.lang);
    if (fromQuery) reply.setCookie(LANG_COOKIE, fromQuery, { path: '/', sameSite: 'lax', httpOnly: true, maxAge: 31536000 });
    const [locale, source] = chooseLocale(request, fromQuery);
    request.locale = locale;
    request.localeSource = source;
    request.t = translator(locale);
  });
});

declare module 'fastify' {
  interface FastifyRequest {
    localeSource: LocaleSource;
  }
}
