import type { FastifyInstance } from 'fastify';

/** Routes of the discover part of a library's workspace. */
export async function discoverRoutes(_app: FastifyInstance) {}
