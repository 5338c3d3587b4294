import type { FastifyRequest } from 'fastify';

/** Paths whose last segment is a secret (emailed links). */
const SECRET_PATHS = /^(\/(?:reset-password|invitations)\/)[^/?#]+/;

/** The request URL as it may be logged: emailed tokens are masked. */
export function loggableUrl(url: string): string {
  return url.replace(SECRET_PATHS, '$1[token]');
}

/**
 * Pino options for request logs. Cookies and authorization headers are never
 * logged, and tokens in paths are masked, so logs can be shared safely.
 */
export function loggerOptions(level: string) {
  return {
    level,
    serializers: {
      req: (request: FastifyRequest) => ({
        method: request.method,
        url: loggableUrl(request.url),
        remoteAddress: request.ip,
      }),
    },
  };
}
