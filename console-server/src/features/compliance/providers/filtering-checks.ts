import { filterCheckSummary } from '../../filtering-checks';
import type { EvidenceProvider } from '../evidence';

const DAY = 86_400_000;
/** "Checks in the last term": a term is about this long. */
const TERM_DAYS = 90;

/**
 * DfE: checks that the filtering works are carried out and recorded, with what was done about a
 * failure. Read from the filtering checks the school ran (and the scheduled ones).
 */
export const filteringChecks: EvidenceProvider = {
  id: 'filtering-checks',
  async collect({ db, schoolId, now }) {
    const summary = await filterCheckSummary(db, schoolId, new Date(now.getTime() - TERM_DAYS * DAY), now);
    const base = { id: 'filtering-checks', standard: 'review', fix: '/checks' } as const;
    const figures = [
      { key: 'checks', value: summary.checks },
      { key: 'scheduledChecks', value: summary.scheduledChecks },
      { key: 'checksWithFailures', value: summary.checksWithFailures },
      { key: 'openFailures', value: summary.openFailures },
      { key: 'lastCheck', value: summary.lastCheckAt },
    ];
    if (summary.lastCheckAt === null) return { ...base, status: 'not-met', reason: 'none-recorded', figures };
    if (summary.openFailures > 0) return { ...base, status: 'not-met', reason: 'failures-open', figures };
    if (summary.checks === 0) return { ...base, status: 'at-risk', reason: 'none-this-term', figures };
    return { ...base, status: 'met', reason: 'recorded', figures };
  },
};
