import type { FastifyInstance } from 'fastify';

/** Routes of the photos part of a library's workspace. */
export async function photosRoutes(_app: FastifyInstance) {}
