import type { FastifyInstance } from 'fastify';

/** Routes of the surveys part of a library's workspace. */
export async function surveysRoutes(_app: FastifyInstance) {}
