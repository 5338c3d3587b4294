import type { FastifyInstance } from 'fastify';

/** Routes of the workspace part of a library's workspace. */
export async function workspaceRoutes(_app: FastifyInstance) {}
