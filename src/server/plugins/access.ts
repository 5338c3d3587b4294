import fp from 'fastify-plugin';
import { can, isLibraryAction } from '../../policy';
import { HttpError } from '../http-error';

/**
 * Enforces the policy for every route before its handler runs.
 *
 * Each route names its action in `config.can`; a route without one stops the
 * app from starting, so nothing ships without an authorization decision.
 * Library-scoped actions load the library named by the `:library` parameter.
 * A person whose role requires two-step sign-in is sent to set it up first.
 */
export const accessPlugin = fp(async (app) => {
  app.decorate('routeTable', []);
  app.decorateRequest('library', undefined);

  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/assets')) return;
    const action = route.config?.can;
    if (!action) throw new Error(`Route ${String(route.method)} ${route.url} declares no policy action (config.can)`);
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method === 'HEAD') continue;
      app.routeTable.push({ method, url: route.url, can: action });
    }
  });

  app.addHook('preValidation', async (request, reply) => {
    const action = request.routeOptions.config.can;
    if (!action) return;
    let allowed: boolean;
    if (isLibraryAction(action)) {
      const slug = (request.params as Record<string, string | undefined>).library ?? '';
      const library = await app.services.libraries.findForAccess(slug);
      if (!library) throw new HttpError(404);
      request.library = library;
      allowed = can(request.actor, action, library.id);
    } else {
      allowed = can(request.actor, action);
    }
    // A person who must use two-step sign-in sets it up before anything
    // that needs their account; public pages and signing out stay open.
    if (allowed && request.twoFactorSetupDue && action !== 'site.view' && !request.routeOptions.config.twoFactorSetup) {
      return reply.flash('info', request.t('accounts.twoFactor.required')).redirect('/account/two-factor', 303);
    }
    if (allowed) return;
    if (!request.actor) {
      const next = request.method === 'GET' ? request.url : '/dashboard';
      return reply.redirect(`/sign-in?next=${encodeURIComponent(next)}`, 303);
    }
    throw new HttpError(403);
  });
});
