import { z } from 'zod';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** The names of the `:name` segments of a path: `'/api/staff/:id'` gives `'id'`. */
export type PathParamNames<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? Name | PathParamNames<`/${Rest}`>
  : P extends `${string}:${infer Name}`
    ? Name
    : never;

/**
 * One HTTP endpoint, declared once for the server and the console: `response` describes the JSON
 * as it goes over the wire (an instant is an ISO string, never a `Date`), so what the server must
 * return and what the console receives are the same type by construction.
 */
export interface Endpoint<
  M extends HttpMethod = HttpMethod,
  P extends string = string,
  Q extends z.ZodType | undefined = z.ZodType | undefined,
  B extends z.ZodType | undefined = z.ZodType | undefined,
  R extends z.ZodType = z.ZodType,
> {
  method: M;
  /** The full path from the server's root, with `:name` for each parameter. */
  path: P;
  /** The query string's parameters (validated on the server; a 400 names what was wrong). */
  query: Q;
  /** The JSON body (validated on the server; a 400 names what was wrong). */
  body: B;
  response: R;
  /** The status of a success (200 unless the endpoint creates something). */
  status: number;
}

export type AnyEndpoint = Endpoint<
  HttpMethod,
  string,
  z.ZodType | undefined,
  z.ZodType | undefined,
  z.ZodType
>;

export function endpoint<
  const M extends HttpMethod,
  const P extends string,
  R extends z.ZodType,
  B extends z.ZodType | undefined = undefined,
  Q extends z.ZodType | undefined = undefined,
>(e: { method: M; path: P; response: R; body?: B; query?: Q; status?: number }): Endpoint<M, P, Q, B, R> {
  return {
    method: e.method,
    path: e.path,
    query: e.query as Q,
    body: e.body as B,
    response: e.response,
    status: e.status ?? 200,
  };
}

/** The path parameters an endpoint's address needs, as text. */
export type EndpointParams<E extends AnyEndpoint> = { [K in PathParamNames<E['path']>]: string };
/** The query a caller gives (before the schema's defaults and transforms). */
export type EndpointQueryInput<E extends AnyEndpoint> = E['query'] extends z.ZodType
  ? z.input<E['query']>
  : never;
/** The query as the server's handler reads it, validated. */
export type EndpointQuery<E extends AnyEndpoint> = E['query'] extends z.ZodType
  ? z.output<E['query']>
  : undefined;
/** The body a caller sends (before the schema's defaults and transforms). */
export type EndpointBodyInput<E extends AnyEndpoint> = E['body'] extends z.ZodType
  ? z.input<E['body']>
  : never;
/** The body as the server's handler reads it, validated. */
export type EndpointBody<E extends AnyEndpoint> = E['body'] extends z.ZodType
  ? z.output<E['body']>
  : undefined;
/** What the server's handler must answer: the wire form. */
export type EndpointResponseInput<E extends AnyEndpoint> = z.input<E['response']>;
/** What the console receives. */
export type EndpointResponse<E extends AnyEndpoint> = z.output<E['response']>;

/** An endpoint's address with its parameters filled in (each one %-escaped) and its query. */
export function endpointUrl(
  e: AnyEndpoint,
  params: Record<string, string> = {},
  query: Record<string, unknown> = {},
): string {
  const path = e.path.replace(/:([A-Za-z0-9_]+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`${e.method} ${e.path}: no value for :${name}`);
    return encodeURIComponent(value);
  });
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    for (const one of Array.isArray(value) ? value : [value]) search.append(key, String(one));
  }
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}

/** A confirmation with nothing more to say (`{ ok: true }`). */
export const OkResponseSchema = z.object({ ok: z.literal(true) });

/** An instant over the wire: the server sends `Date#toISOString()`. */
export const WireInstantSchema = z.iso.datetime({ offset: true });
