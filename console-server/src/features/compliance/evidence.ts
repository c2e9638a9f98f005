import type { ComplianceItem, DeviceHealthReport, Policy, Profile } from '@waymark/shared';
import type { Database } from '../../db/open-database';

/** What every evidence provider may read: the school, the clock, and the shared reads done once. */
export interface EvidenceContext {
  db: Database;
  schoolId: string;
  now: Date;
  /** The event figures (blocked attempts, alerts) count this many days back from `now`. */
  windowDays: number;
  since: Date;
  /** The device health report (Devices screen), computed once for all providers. */
  deviceHealth(): Promise<DeviceHealthReport>;
  /** Each profile's current policy. */
  policies(): Promise<Array<{ profile: Profile; body: Policy }>>;
}

/**
 * One requirement's live evidence and status. The compliance screen and the review pack are the
 * list of providers; a new kind of evidence (e.g. recorded filtering checks) is one more provider,
 * or a provider replacing the one with its id.
 */
export interface EvidenceProvider {
  id: ComplianceItem['id'];
  collect(ctx: EvidenceContext): Promise<ComplianceItem>;
}
