import type { FastifyInstance } from 'fastify';

/** Routes of the directory feature. */
// eslint-disable-next-line @typescript-eslint/no-unused-vars
export async function directoryRoutes(app: FastifyInstance) {}
