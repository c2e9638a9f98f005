export interface CliIo {
  /** Bytes too: `deploy-policy` writes a `.reg` file as the UTF-16 regedit expects. */
  stdout: { write(text: string | Uint8Array): unknown };
  stderr: { write(text: string): unknown };
}

/** Exit codes: 0 done, 1 a file was unreadable or invalid, 2 bad arguments. */
export const EXIT = { ok: 0, badInput: 1, usage: 2 } as const;

export class UsageError extends Error {}
export class InputError extends Error {}
