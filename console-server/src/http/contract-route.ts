import { Router, type Request, type RequestHandler, type Response } from 'express';
import {
  describeZodError,
  type AnyEndpoint,
  type Capability,
  type EndpointBody,
  type EndpointParams,
  type EndpointQuery,
  type EndpointResponseInput,
  type Staff,
} from '@waymark/shared';
import { handle, parseBody, requireCapability, requireStaff } from './middleware';

/**
 * A check of its own, run where a capability would be (before the query and body are read): it
 * answers who is calling or throws the refusal. `watching()` (auth-and-accounts) is one: the
 * capability, and a class the caller may watch, else 404.
 */
export type AccessCheck = (req: Request) => Promise<Staff>;

/**
 * Who may call an endpoint: holders of a capability, any signed-in member of staff, anyone, or
 * whoever passes an `AccessCheck`.
 */
export type Access = Capability | 'signed-in' | 'public' | AccessCheck;

/** What a contract route's handler is given: everything checked against the contract already. */
export interface RouteInput<E extends AnyEndpoint, A extends Access> {
  who: A extends 'public' ? Staff | undefined : Staff;
  params: EndpointParams<E>;
  query: EndpointQuery<E>;
  body: EndpointBody<E>;
  /** For what JSON does not carry: a cookie, a header. */
  req: Request;
  res: Response;
}

export type RouteHandler<E extends AnyEndpoint, A extends Access> = (
  input: RouteInput<E, A>,
) => Promise<EndpointResponseInput<E>>;

export interface ContractRouter {
  /** Mount this at the prefix the router was made for. */
  readonly router: Router;
  /**
   * Registers one endpoint of a contract: the caller's access is checked first (401/403), then the
   * query and body against the contract's schemas (400 naming what was wrong); the handler's answer
   * must be the contract's response (checked when this compiles) and is sent with its status.
   */
  route<E extends AnyEndpoint, A extends Access>(
    endpoint: E,
    access: A,
    handler: RouteHandler<E, A>,
    options?: { before?: RequestHandler[] },
  ): void;
}

/** Under test the answers are checked against the contract too, so a schema that drifts fails a test. */
const checkAnswers = process.env.VITEST !== undefined;

/** A router for the endpoints of a contract whose paths start with `prefix` (`/api/staff`). */
export function contractRouter(prefix: string, router: Router = Router()): ContractRouter {
  const subPath = (e: AnyEndpoint) => {
    if (e.path !== prefix && !e.path.startsWith(`${prefix}/`))
      throw new Error(`${e.method} ${e.path} is not under ${prefix}`);
    return e.path.slice(prefix.length) || '/';
  };
  return {
    router,
    route(endpoint, access, handler, options = {}) {
      const method = endpoint.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
      router[method](
        subPath(endpoint),
        ...(options.before ?? []),
        handle(async (req, res) => {
          const who =
            typeof access === 'function'
              ? await access(req)
              : access === 'public'
                ? req.staff
                : access === 'signed-in'
                  ? requireStaff(req)
                  : requireCapability(req, access);
          const query = endpoint.query ? parseBody(endpoint.query, req.query) : undefined;
          const body = endpoint.body ? parseBody(endpoint.body, req.body) : undefined;
          const answer = await handler({
            who,
            params: req.params,
            query,
            body,
            req,
            res,
          } as Parameters<typeof handler>[0]);
          if (checkAnswers) {
            // What JSON.stringify makes of it (a Date becomes text), as the console will see it.
            const parsed = endpoint.response.safeParse(JSON.parse(JSON.stringify(answer)));
            if (!parsed.success)
              throw new Error(
                `${endpoint.method} ${endpoint.path} answered outside its contract: ${describeZodError(parsed.error)}`,
              );
          }
          res.status(endpoint.status).json(answer);
        }),
      );
    },
  };
}

/** The answer of an endpoint with nothing more to say (`OkResponseSchema`). */
export const OK = { ok: true } as const;
