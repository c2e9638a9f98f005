import type {
  CreateEnrollmentTokenBody,
  CreatedEnrollmentToken,
  DeviceClass,
  DeviceHealthReport,
  EnrollmentTokenSummary,
  ImportProblem,
} from '@waymark/shared';
import { api, ApiError } from '../../lib/api';

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
  health: () => api<DeviceHealthReport>('/api/devices/health'),
  classes: () => api<{ classes: DeviceClass[] }>('/api/devices/classes').then((r) => r.classes),
  tokens: () =>
    api<{ tokens: EnrollmentTokenSummary[] }>('/api/devices/enrollment-tokens').then((r) => r.tokens),
  createToken: (body: CreateEnrollmentTokenBody) =>
    api<CreatedEnrollmentToken>('/api/devices/enrollment-tokens', {
      method: 'POST',
      body: JSON.stringify(body),
    }),
  revokeToken: (id: string) =>
    api(`/api/devices/enrollment-tokens/${encodeURIComponent(id)}/revoke`, { method: 'POST' }),
  removeExpected: (assetTag: string) =>
    api(`/api/devices/expected/${encodeURIComponent(assetTag)}`, { method: 'DELETE' }),

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
