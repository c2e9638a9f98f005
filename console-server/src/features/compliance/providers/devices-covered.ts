import type { EvidenceProvider } from '../evidence';

/** DfE: every school device is filtered (the Devices screen's health summary). */
export const devicesCovered: EvidenceProvider = {
  id: 'devices-covered',
  async collect({ deviceHealth }) {
    const { summary } = await deviceHealth();
    const figures = (
      ['devices', 'online', 'silent', 'oldExtension', 'oldPolicy', 'expected', 'neverEnrolled'] as const
    ).map((key) => ({ key, value: summary[key] }));
    const base = { id: 'devices-covered', standard: 'filtering', figures, fix: '/devices' } as const;
    if (summary.devices === 0) return { ...base, status: 'not-met', reason: 'none-enrolled' };
    const problems = summary.silent + summary.oldExtension + summary.oldPolicy + summary.neverEnrolled;
    return problems > 0
      ? { ...base, status: 'at-risk', reason: 'problems' }
      : { ...base, status: 'met', reason: 'healthy' };
  },
};
