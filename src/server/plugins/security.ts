import fp from 'fastify-plugin';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import csrf from '@fastify/csrf-protection';

export interface SecurityOptions {
  /** Requests per minute per address before answering 429. */
  rateLimitPerMinute: number;
  https: boolean;
}

/**
 * Security headers (strict CSP: no inline script or style), a coarse
 * per-address rate limit, and CSRF checks on every state-changing request.
 */
export const securityPlugin = fp<SecurityOptions>(async (app, options) => {
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        objectSrc: ["'none'"],
        ...(options.https ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    strictTransportSecurity: options.https ? undefined : false,
    crossOriginEmbedderPolicy: false,
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
