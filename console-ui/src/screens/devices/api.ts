import { devicesContract, type CreateEnrollmentTokenBody, type ImportProblem } from '@waymark/shared';
import { ApiError } from '../../lib/api';
import { call } from '../../lib/call';

export const deviceKeys = {
  all: ['devices'] as const,
  health: () => [...deviceKeys.all, 'health'] as const,
  classes: () => [...deviceKeys.all, 'classes'] as const,
  tokens: () => [...deviceKeys.all, 'tokens'] as const,
};

/** An inventory import the server refused, with its problems by line number. */
export class InventoryImportError extends ApiError {
  constructor(
    message: string,
    readonly problems: ImportProblem[],
    readonly problemCount: number,
  ) {
    super(400, message);
  }
}

export const devicesApi = {
  health: () => call(devicesContract.health),
  classes: () => call(devicesContract.classes).then((r) => r.classes),
  tokens: () => call(devicesContract.tokens).then((r) => r.tokens),
  createToken: (body: CreateEnrollmentTokenBody) => call(devicesContract.createToken, { body }),
  revokeToken: (id: string) => call(devicesContract.revokeToken, { params: { id } }),
  removeExpected: (assetTag: string) => call(devicesContract.removeExpected, { params: { assetTag } }),

  /** Replaces the expected-device inventory; a file with problems is refused whole. */
  async importExpected(csv: string): Promise<{ imported: number }> {
    const res = await fetch('/api/devices/expected/import', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', 'x-requested-with': 'waymark' },
      body: JSON.stringify({ csv }),
    });
    const body = (await res.json().catch(() => ({}))) as {
      imported?: number;
      error?: string;
      problems?: ImportProblem[];
      problemCount?: number;
    };
    if (res.ok) return { imported: body.imported ?? 0 };
    const message = body.error ?? `request failed (${res.status})`;
    if (body.problems) throw new InventoryImportError(message, body.problems, body.problemCount ?? 0);
    throw new ApiError(res.status, message);
  },
};
