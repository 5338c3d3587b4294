import type { FastifyInstance } from 'fastify';

/** Routes of the prototypes part of a library's workspace. */
export async function prototypesRoutes(_app: FastifyInstance) {}
