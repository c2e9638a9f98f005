export interface CliIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}

/** Exit codes: 0 done, 1 a file was unreadable or invalid, 2 bad arguments. */
export const EXIT = { ok: 0, badInput: 1, usage: 2 } as const;

export class UsageError extends Error {}
export class InputError extends Error {}
