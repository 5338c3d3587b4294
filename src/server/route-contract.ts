import type { FastifyInstance, FastifyReply, FastifyRequest, RouteShorthandOptions } from 'fastify';
import { Type, type Static, type TObject, type TSchema } from 'typebox';
import type { Action } from '../policy';
import { readUpload } from './uploads';

/** The names of the `:name` parameters of a path, e.g. "library" | "image" for "/libraries/:library/images/:image". */
export type PathParams<P extends string> = P extends `${string}:${infer Rest}`
  ? Rest extends `${infer Name}/${infer Tail}`
    ? Name | PathParams<`/${Tail}`>
    : Rest
  : never;

/** One route: how it is called, who may call it, and what its address may carry. */
export interface RouteContract<P extends string = string, Q extends TObject | undefined = TObject | undefined> {
  method: 'GET' | 'POST';
  path: P;
  /** The policy action the route needs (decision record 008). */
  can: Action;
  /** The query keys it reads (others are dropped); a feature's reader turns their values into choices, leniently. */
  query?: Q;
  /** Extra route options, e.g. caching or rate limits. */
  config?: Record<string, unknown>;
  /** The body is a multipart upload (its plugin calls `acceptUploads`). */
  upload?: true;
}

/** Declares a feature's table of routes, keeping each path's literal type. */
export function defineRoutes<const T extends Record<string, RouteContract>>(routes: T): T {
  return routes;
}

/**
 * A query value the route reads. Its type is left open on purpose: query
 * strings come from old links and hand-edited addresses, and a value that is
 * not one the feature knows (too long, repeated, misspelt) is ignored by the
 * feature's reader rather than refused, so the page still shows.
 */
export const queryValue = () => Type.Optional(Type.Unknown());

/** A route without parameters or query keys has none to read: reading one is a type error. */
type Nothing = Record<never, never>;
type ParamValues<P extends string> = [PathParams<P>] extends [never] ? Nothing : Record<PathParams<P>, string>;
type QueryValues<Q> = Q extends TObject ? Partial<Record<keyof Static<Q>, string | number | undefined>> : never;

/**
 * The address of a route, with its parameters filled in and encoded, and the
 * query values that are set. A renamed path or parameter is a type error in
 * every link built through it.
 */
export function href<P extends string, Q extends TObject | undefined>(
  route: RouteContract<P, Q>,
  ...[params, query]: [PathParams<P>] extends [never] ? [params?: ParamValues<P>, query?: QueryValues<Q>] : [params: ParamValues<P>, query?: QueryValues<Q>]
): string {
  const values = (params ?? {}) as Record<string, string>;
  const path = route.path.replace(/:(\w+)/g, (_whole, name: string) => encodeURIComponent(values[name] ?? ''));
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}

/** The request a route's handler receives: parameters and query typed from its contract. */
export type ContractRequest<C extends RouteContract> = FastifyRequest<{
  Params: ParamValues<C['path']>;
  Querystring: C['query'] extends TObject ? Static<C['query']> : Nothing;
}>;

/**
 * Registers a route from its contract: method, path, policy action, the
 * schemas Fastify validates the parameters and query string with, and for an
 * upload the reading of its multipart body. A path
 * parameter that fails its schema is a 404 and a malformed query a 400 (see
 * the errors plugin); unknown query keys are dropped.
 */
export function addRoute<C extends RouteContract>(
  app: FastifyInstance,
  contract: C,
  handler: (request: ContractRequest<C>, reply: FastifyReply) => Promise<unknown>,
): void {
  const params = Type.Object(
    Object.fromEntries([...contract.path.matchAll(/:(\w+)/g)].map(([, name]) => [name, Type.String({ minLength: 1, maxLength: 200 })])),
  );
  const schema: Record<string, TSchema> = { params };
  if (contract.query) schema.querystring = { ...contract.query, additionalProperties: false };
  const options: RouteShorthandOptions = { config: { ...contract.config, can: contract.can }, schema };
  if (contract.upload) {
    // The CSRF token travels inside the multipart body, which only
    // `readUpload` reads; the check therefore runs after it, not in the
    // app-wide hook that runs before any route hook.
    options.config = { ...options.config, csrf: false };
    options.preValidation = [readUpload, app.csrfProtection];
  }
  app.route({ method: contract.method, url: contract.path, ...options, handler: handler as never });
}
