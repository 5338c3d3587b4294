import type { FastifyInstance } from 'fastify';

/** Routes of the share part of a library's workspace. */
export async function shareRoutes(_app: FastifyInstance) {}
