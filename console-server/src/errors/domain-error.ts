import type { RefusalCode } from '@waymark/shared';

/** What a service may refuse with; `signed-out` and `internal` belong to the transports. */
export type DomainErrorCode = Exclude<RefusalCode, 'signed-out' | 'internal'>;

/**
 * A service's refusal: a code and a sentence for people. Services throw these and know nothing of
 * HTTP or sockets; `answers.ts` turns them into a status or a socket ack.
 */
export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
  ) {
    super(message);
  }
}
