import { z } from 'zod';

export const ROLES = [
  'teacher',
  'dsl',
  'technician',
  'governor',
  'senior-leader',
  'admin',
  'trust-dsl',
  'trust-reporter',
] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

/** Roles within one school: the ones a school admin may give. */
const SCHOOL_ROLES = [
  'teacher',
  'dsl',
  'technician',
  'governor',
  'senior-leader',
  'admin',
] as const satisfies readonly Role[];
export const SchoolRoleSchema = z.enum(SCHOOL_ROLES);
export type SchoolRole = z.infer<typeof SchoolRoleSchema>;

export function isSchoolRole(role: string): role is SchoolRole {
  return (SCHOOL_ROLES as readonly string[]).includes(role);
}
/**
 * Roles that see across the schools of a trust; given only by whoever runs the deployment
 * (`npx waymark trust add-staff`), never by a school's own admin.
 */
export const TRUST_ROLES = ['trust-dsl', 'trust-reporter'] as const satisfies readonly Role[];
export const TrustRoleSchema = z.enum(TRUST_ROLES);

/**
 * The roles table of docs/architecture.md, one row per capability. Qualifiers in the table
 * ("own classes", "technical", "no pupil names", "aggregates") are capabilities of their own, so
 * every check in the product is a single `can(role, capability)`.
 */
export const CAPABILITIES = {
  /** Watch one's own classes live. */
  'watch-own-classes': ['teacher', 'dsl'],
  /** Watch every class of the school (the DSL's "(all)"). */
  'watch-all-classes': ['dsl'],
  'raise-incident': ['teacher', 'dsl', 'technician'],
  /** Work the online-safety log: every incident, status, owner, outcome, countersigning. */
  'work-incident-log': ['dsl'],
  'see-illegal-urls': ['dsl'],
  'lesson-overrides': ['teacher', 'dsl'],
  'edit-policies': ['dsl', 'technician'],
  'manage-devices': ['technician'],
  /** "Suitable arrangements for visitors who may be granted a temporary log in": a named, expiring pass. */
  'issue-visitor-passes': ['dsl', 'technician'],
  // The senior leader (DfE "Filtering and monitoring standards": the member of the senior
  // leadership team responsible for filtering and monitoring, usually the head teacher) reads the
  // figures and the change-control log, never pupil-level data beyond what the DSL shares.
  'view-reports': ['dsl', 'technician', 'governor', 'senior-leader'],
  'view-change-log': ['dsl', 'technician', 'governor', 'senior-leader'],
  /** Reports with pupil names; technicians, governors and the senior leader see them without. */
  'see-pupil-names-in-reports': ['dsl'],
  /** The weekly check: report a line of the digest to the head teacher (the school's senior leaders). */
  'report-concerns': ['dsl', 'technician'],
  /** The concerns reported from the weekly check: who reported what, when and to whom. */
  'read-concern-reports': ['dsl', 'technician', 'senior-leader'],
  /**
   * Alerts that need acknowledging: the DSL (a deputy DSL is a DSL the admin names as deputy), and
   * the senior leader the alerts nobody acknowledged escalate to.
   */
  'acknowledge-alerts': ['dsl', 'senior-leader'],
  /** How long before an unacknowledged alert escalates, and the school's webhook. */
  'alert-settings': ['dsl'],
  /** When teachers may see pupils' live tabs, and whether they may see screens (change-controlled). */
  'live-class-settings': ['dsl'],
  /** Mark a flagged event as a false positive, so the phrase lists can be tuned. */
  'mark-false-positive': ['dsl'],
  /**
   * Filtering checks (DfE: checks recorded): run one on devices, a class or a profile, read the
   * record, keep the school's test addresses and record what was done about a failure.
   */
  'run-filtering-checks': ['dsl', 'technician'],
  /**
   * The compliance screen: each DfE filtering and monitoring standard with its live evidence, and
   * the annual review packs (read-only for governors; figures only, no pupil names).
   */
  'view-compliance': ['dsl', 'senior-leader', 'governor'],
  /** Prepare (and, until it is signed, re-prepare) the annual review pack for a year. */
  'prepare-review-pack': ['dsl', 'senior-leader'],
  /** Sign the annual review pack off: the senior leader and a governor, two different people. */
  'sign-review-pack': ['senior-leader', 'governor'],
  /** The school admin (issue 5): staff accounts, roles and password resets. */
  'manage-accounts': ['admin'],
  /** Classes and pupils, including the import from the school's MIS. */
  'manage-classes': ['admin'],
  // Trust-level roles (a multi-academy trust or local authority with several schools in one
  // deployment) see across the schools of their own trust only, and hold none of the school-level
  // capabilities above: each school's own staff run its classes, log and policies.
  /** Each school of the trust in aggregate: the digest's counts side by side, no pupil names. */
  'view-trust-reports': ['trust-dsl', 'trust-reporter'],
  /** Oversight of every school's incident log and alerts (read-only), live alerts included. */
  'oversee-trust-safeguarding': ['trust-dsl'],
  /** The pupils report of any school of the trust (names). */
  'see-trust-pupil-names': ['trust-dsl'],
} as const satisfies Record<string, readonly Role[]>;

export type Capability = keyof typeof CAPABILITIES;
export const CAPABILITY_NAMES = Object.keys(CAPABILITIES) as Capability[];

export function can(role: Role | null | undefined, capability: Capability): boolean {
  if (role == null) return false;
  return (CAPABILITIES[capability] as readonly Role[]).includes(role);
}
