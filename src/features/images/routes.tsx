import type { FastifyInstance } from 'fastify';

/** Routes of the images feature. */
// eslint-disable-next-line @typescript-eslint/no-unused-vars
export async function imagesRoutes(app: FastifyInstance) {}
