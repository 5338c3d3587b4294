import type { FastifyInstance } from 'fastify';

/** Routes of the search feature. */
// eslint-disable-next-line @typescript-eslint/no-unused-vars
export async function searchRoutes(app: FastifyInstance) {}
