import { z } from 'zod';

export const ROLES = ['teacher', 'dsl', 'technician', 'governor', 'admin'] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

export const ROLE_LABELS: Record<Role, string> = {
  teacher: 'Teacher',
  dsl: 'Designated safeguarding lead / online-safety lead',
  technician: 'Technician',
  governor: 'Governor',
  admin: 'School admin',
};

/**
 * DESIGN.md's roles table, one row per capability. Qualifiers in the table ("own classes",
 * "technical", "no pupil names", "aggregates") are capabilities of their own, so every check
 * in the product is a single `can(role, capability)`.
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
  'view-reports': ['dsl', 'technician', 'governor'],
  'view-change-log': ['dsl', 'technician', 'governor'],
  /** Reports with pupil names; technicians and governors see them without. */
  'see-pupil-names-in-reports': ['dsl'],
  /** The school admin (issue 5): staff accounts, roles and password resets. */
  'manage-accounts': ['admin'],
  /** Classes and pupils, including the import from the school's MIS. */
  'manage-classes': ['admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Capability = keyof typeof CAPABILITIES;
export const CAPABILITY_NAMES = Object.keys(CAPABILITIES) as Capability[];

export function can(role: Role | null | undefined, capability: Capability): boolean {
  if (role == null) return false;
  return (CAPABILITIES[capability] as readonly Role[]).includes(role);
}
