import fp from 'fastify-plugin';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { ErrorPage, type ErrorKind } from '../../ui/error-page';
import { sendPage } from './views';

function kindFor(status: number): ErrorKind {
  if (status === 404) return 'notFound';
  if (status === 403) return 'forbidden';
  if (status === 413) return 'tooLarge';
  if (status === 429) return 'rateLimited';
  if (status >= 400 && status < 500) return 'badRequest';
  return 'server';
}

/**
 * Every failure becomes a readable page with the right status. Nothing
 * technical reaches the browser; server errors are logged with their stack.
 */
export const errorsPlugin = fp(async (app) => {
  app.setNotFoundHandler((request, reply) => {
    return reply.view(<ErrorPage kind="notFound" />, 404);
  });

  app.setErrorHandler((error: FastifyError & { retryAfterSeconds?: number }, request, reply) => {
    let status = typeof error.statusCode === 'number' && error.statusCode >= 400 ? error.statusCode : 500;
    // A malformed id in the address is simply a page that does not exist.
    if (error.validation && error.validationContext === 'params') status = 404;
    const csrf = error.code?.startsWith('FST_CSRF') ?? false;
    if (csrf) status = 403;
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    else request.log.info({ status, code: error.code }, 'request refused');
    const retryAfter = error.retryAfterSeconds ?? 60;
    if (status === 429) reply.header('retry-after', String(retryAfter));
    return reply.view(<ErrorPage kind={csrf ? 'csrf' : kindFor(status)} waitMinutes={Math.ceil(retryAfter / 60)} />, status);
  });
});

/**
 * Addresses the router rejects before any route runs (malformed escapes,
 * over-long ids) are pages that do not exist, shown like any other 404.
 * Reply decorators are not available there, hence the direct render.
 */
export function frameworkErrorPage(asset: (name: string) => string) {
  return (_error: FastifyError, request: FastifyRequest, reply: FastifyReply) =>
    sendPage(request, reply, asset, <ErrorPage kind="notFound" />, 404);
}
