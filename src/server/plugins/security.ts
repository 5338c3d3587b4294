import fp from 'fastify-plugin';
import rateLimit from '@fastify/rate-limit';
import csrf from '@fastify/csrf-protection';

export interface SecurityOptions {
  /** Requests per minute per address before answering 429. */
  rateLimitPerMinute: number;
  https: boolean;
}

/**
 * The security headers of every answer. They never vary by request, so they
 * are built once; building them per request (as a generic middleware does)
 * cost a fifth of the time of a small page.
 */
export function securityHeaders(https: boolean): Record<string, string> {
  const csp = [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "object-src 'none'",
    ...(https ? ['upgrade-insecure-requests'] : []),
  ].join('; ');
  return {
    'content-security-policy': csp,
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    'origin-agent-cluster': '?1',
    'referrer-policy': 'strict-origin-when-cross-origin',
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'permissions-policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
    ...(https ? { 'strict-transport-security': 'max-age=31536000; includeSubDomains' } : {}),
  };
}

/**
 * Security headers (strict CSP: no inline script or style), a coarse
 * per-address rate limit, and CSRF checks on every state-changing request.
 */
export const securityPlugin = fp<SecurityOptions>(async (app, options) => {
  const headers = securityHeaders(options.https);
  app.addHook('onRequest', (_request, reply, done) => {
    reply.headers(headers);
    done();
  });

  await app.register(rateLimit, {
    max: options.rateLimitPerMinute,
    timeWindow: '1 minute',
    // Static files are cheap and cached; count only pages and form posts.
    allowList: (request) => request.url.startsWith('/assets/'),
    errorResponseBuilder: (_request, context) => {
      const error = new Error('Too many requests') as Error & { statusCode: number; retryAfterSeconds: number };
      error.statusCode = context.statusCode;
      error.retryAfterSeconds = Math.max(1, Math.ceil(context.ttl / 1000));
      return error;
    },
  });

  await app.register(csrf, {
    cookieKey: 'ss_csrf',
    cookieOpts: { path: '/', httpOnly: true, sameSite: 'lax', signed: true, secure: 'auto' },
    getToken: (request) => (request.body as Record<string, string> | undefined)?._csrf,
  });

  // Registered at preValidation, not onRequest: the form body (and its token)
  // has only been parsed by then.
  app.addHook('preValidation', (request, reply, done) => {
    if (request.method === 'GET' || request.method === 'HEAD' || request.routeOptions.config.csrf === false) {
      return done();
    }
    app.csrfProtection(request, reply, done);
  });
});

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Set to false only for endpoints that must work without a form (e.g. one-click unsubscribe). */
    csrf?: boolean;
  }
}
