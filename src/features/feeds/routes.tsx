import type { FastifyInstance } from 'fastify';

/** Routes of the feeds feature. */
// eslint-disable-next-line @typescript-eslint/no-unused-vars
export async function feedsRoutes(app: FastifyInstance) {}
