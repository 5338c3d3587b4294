import type { FastifyInstance } from 'fastify';

/** Routes of the content feature. */
// eslint-disable-next-line @typescript-eslint/no-unused-vars
export async function contentRoutes(app: FastifyInstance) {}
