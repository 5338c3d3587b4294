import type { FastifyRequest } from 'fastify';
import type { RequestLibrary } from './types';

/**
 * The library the access check loaded for a library-scoped route.
 *
 * Routes whose path holds `:library` always have `request.library` set before
 * the handler runs; reaching this without one means a route was registered
 * outside that scope, which is a programming error rather than bad input.
 */
export function scopedLibrary(request: FastifyRequest): RequestLibrary {
  if (!request.library) throw new Error(`${request.url} is not a library-scoped route`);
  return request.library;
}
