import {
  describeZodError,
  endpointUrl,
  type AnyEndpoint,
  type EndpointBodyInput,
  type EndpointParams,
  type EndpointQueryInput,
  type EndpointResponse,
} from '@waymark/shared';
import { api } from './api';

type Keys<T> = keyof T extends never ? false : true;

/** What a call of an endpoint needs: its path parameters, query and body, each only when it has one. */
export type CallInput<E extends AnyEndpoint> = (Keys<EndpointParams<E>> extends true
  ? { params: EndpointParams<E> }
  : { params?: never }) &
  (E['query'] extends undefined ? { query?: never } : { query?: EndpointQueryInput<E> }) &
  (E['body'] extends undefined ? { body?: never } : { body: EndpointBodyInput<E> });

type CallArgs<E extends AnyEndpoint> =
  Keys<EndpointParams<E>> extends true
    ? [input: CallInput<E>]
    : E['body'] extends undefined
      ? [input?: CallInput<E>]
      : [input: CallInput<E>];

/** The server answered with something its contract does not allow (a bug on one side, not a refusal). */
export class ContractError extends Error {}

/** Answers are checked against the contract where a mismatch should fail loudly: development and tests. */
const checkAnswers = import.meta.env.DEV || import.meta.env.MODE === 'test';

/**
 * Calls one endpoint of a contract in `@waymark/shared`: the address, query and body come from the
 * contract, a refusal throws `ApiError` (status and the server's message), and the answer is typed
 * (and, in development and tests, validated) by the contract's response schema.
 */
export async function call<E extends AnyEndpoint>(
  e: E,
  ...[input]: CallArgs<E>
): Promise<EndpointResponse<E>> {
  const { params, query, body } = (input ?? {}) as {
    params?: Record<string, string>;
    query?: Record<string, unknown>;
    body?: unknown;
  };
  const url = endpointUrl(e, params, query);
  const answer = await api<unknown>(url, {
    method: e.method,
    // JSON, even where the same address also serves a page (the weekly digest).
    headers: { accept: 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!checkAnswers) return answer as EndpointResponse<E>;
  const parsed = e.response.safeParse(answer);
  if (!parsed.success)
    throw new ContractError(
      `${e.method} ${e.path} answered outside its contract: ${describeZodError(parsed.error)}`,
    );
  return parsed.data as EndpointResponse<E>;
}
