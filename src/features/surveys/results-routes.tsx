import type { FastifyInstance } from 'fastify';

/** Survey results pages and the CSV export. */
export async function surveyResultsRoutes(_app: FastifyInstance) {}
