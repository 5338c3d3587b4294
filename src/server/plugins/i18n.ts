import fp from 'fastify-plugin';
import { asLocale, localeFromAcceptLanguage, translator, type Locale } from '../../i18n';

const LANG_COOKIE = 'lang';

/**
 * Chooses the language of each request: a signed-in person's setting; else a
 * `?lang=` link (remembered in a cookie); else the cookie; else the browser's
 * Accept-Language; else English. Must run after the session plugin.
 */
export const i18nPlugin = fp(async (app) => {
  app.decorateRequest('locale', 'en');
  app.decorateRequest('t', undefined as never);
  app.addHook('onRequest', async (request, reply) => {
    const fromQuery = asLocale((request.query as Record<string, unknown> | undefined)?.lang);
    if (fromQuery) reply.setCookie(LANG_COOKIE, fromQuery, { path: '/', sameSite: 'lax', httpOnly: true, maxAge: 31536000 });
    const locale: Locale =
      request.actor?.locale ??
      fromQuery ??
      asLocale(request.cookies[LANG_COOKIE]) ??
      localeFromAcceptLanguage(request.headers['accept-language']) ??
      'en';
    request.locale = locale;
    request.t = translator(locale);
  });
});
