import type { FastifyInstance } from 'fastify';

/** Routes of the plan part of a library's workspace. */
export async function planRoutes(_app: FastifyInstance) {}
