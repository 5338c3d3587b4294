import fp from 'fastify-plugin';
import type { FastifyReply, FastifyRequest } from 'fastify';

export const SESSION_COOKIE = 'ss_session';

/** Options shared by every cookie that carries a session. */
export function sessionCookieOptions(maxAgeSeconds: number) {
  return { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: 'auto' as const, maxAge: maxAgeSeconds };
}

/** Starts a session for a person who just proved who they are, and sets its cookie. */
export async function startSession(request: FastifyRequest, reply: FastifyReply, userId: string): Promise<void> {
  const { token, maxAgeSeconds } = await request.server.services.accounts.createSession(userId, {
    userAgent: request.headers['user-agent'] ?? '',
    ipAddress: request.ip,
  });
  reply.setCookie(SESSION_COOKIE, token, sessionCookieOptions(maxAgeSeconds));
}

/** Ends the current session, if any, and clears its cookie. */
export async function endSession(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  if (request.actor) await request.server.services.accounts.revokeSession(request.actor.id, request.actor.sessionId);
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

/**
 * Resolves the session cookie to the signed-in person on every request.
 * Sessions live in the database, so revoking one or deactivating a person
 * takes effect on their very next request, on any instance.
 */
export const sessionPlugin = fp(async (app) => {
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    request.actor = await app.services.accounts.resolveSession(token);
    if (!request.actor) reply.clearCookie(SESSION_COOKIE, { path: '/' });
  });
});
