import type { FastifyInstance } from 'fastify';

/** Routes of the newsletter feature. */
// eslint-disable-next-line @typescript-eslint/no-unused-vars
export async function newsletterRoutes(app: FastifyInstance) {}
