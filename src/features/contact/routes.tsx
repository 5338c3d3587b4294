import type { FastifyInstance } from 'fastify';

/** Routes of the contact feature. */
// eslint-disable-next-line @typescript-eslint/no-unused-vars
export async function contactRoutes(app: FastifyInstance) {}
