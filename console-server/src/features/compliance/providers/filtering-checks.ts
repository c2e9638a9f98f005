import type { EvidenceProvider } from '../evidence';

/**
 * DfE: checks that the filtering works are carried out and recorded. Waymark keeps no record of
 * filtering checks yet, so this says so plainly; the provider that reads recorded checks replaces it.
 */
export const filteringChecks: EvidenceProvider = {
  id: 'filtering-checks',
  collect: async () => ({
    id: 'filtering-checks',
    standard: 'review',
    status: 'not-met',
    reason: 'none-recorded',
    figures: [{ key: 'checks', value: 0 }],
    fix: null,
  }),
};
