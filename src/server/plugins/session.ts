import fp from 'fastify-plugin';
import type { FastifyReply, FastifyRequest } from 'fastify';

export const SESSION_COOKIE = 'ss_session';

/** Options shared by every cookie that carries a session. */
export function sessionCookieOptions(maxAgeSeconds: number) {
  return { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: 'auto' as const, maxAge: maxAgeSeconds };
}

/**
 * Starts a session for a person who just proved who they are, and sets its
 * cookie. With `secondStep`, the password was right but a code must follow:
 * the session waits for it and signs nobody in yet.
 */
export async function startSession(request: FastifyRequest, reply: FastifyReply, userId: string, options: { secondStep?: boolean } = {}): Promise<void> {
  const client = { userAgent: request.headers['user-agent'] ?? '', ipAddress: request.ip };
  const { token, maxAgeSeconds } = await request.server.services.accounts.createSession(userId, client, options);
  reply.setCookie(SESSION_COOKIE, token, sessionCookieOptions(maxAgeSeconds));
}

/** Ends the current session, if any, or the sign-in waiting for its second step, and clears its cookie. */
export async function endSession(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const { accounts } = request.server.services;
  if (request.actor) await accounts.revokeSession(request.actor.id, request.actor.sessionId);
  if (request.pendingSignIn) await accounts.revokeSession(request.pendingSignIn.userId, request.pendingSignIn.sessionId);
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

/**
 * Resolves the session cookie to the signed-in person on every request.
 * Sessions live in the database, so revoking one or deactivating a person
 * takes effect on their very next request, on any instance.
 */
export const sessionPlugin = fp(async (app) => {
  app.decorateRequest('actor', null);
  app.decorateRequest('pendingSignIn', null);
  app.decorateRequest('twoFactorSetupDue', false);
  app.addHook('onRequest', async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    const { accounts, twoFactor } = app.services;
    request.actor = await accounts.resolveSession(token);
    if (request.actor) {
      request.twoFactorSetupDue = await twoFactor.setupDue(request.actor);
      return;
    }
    request.pendingSignIn = await accounts.resolvePendingSignIn(token);
    if (!request.pendingSignIn) reply.clearCookie(SESSION_COOKIE, { path: '/' });
  });
});
