import type { EvidenceProvider } from '../evidence';
import { alertsAcknowledged } from './alerts-acknowledged';
import { annualReview } from './annual-review';
import { blockedAttemptsRecorded } from './blocked-attempts';
import { devicesCovered } from './devices-covered';
import { filteringChecks } from './filtering-checks';
import { illegalBlocked } from './illegal-blocked';
import { incidentsRecorded } from './incidents-recorded';
import { namedRoles } from './named-roles';
import { safeSearchCircumvention } from './safe-search-circumvention';
import { usersTold } from './users-told';

/** The evidence of the compliance screen and the review pack, in the order of the DfE standards. */
export const DEFAULT_PROVIDERS: readonly EvidenceProvider[] = [
  namedRoles,
  annualReview,
  filteringChecks,
  devicesCovered,
  illegalBlocked,
  safeSearchCircumvention,
  blockedAttemptsRecorded,
  alertsAcknowledged,
  incidentsRecorded,
  usersTold,
];

export { nextReviewDue } from './annual-review';
