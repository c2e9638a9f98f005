import { describe, expect, it } from 'vitest';
import { CAPABILITY_NAMES, can, ROLES, type Capability, type Role } from '../src';

// The roles table of docs/architecture.md, transcribed (✓ = true), plus the school admin of the
// server issue, the trust-level roles of the scale issue, and the senior leader DfE's standards name.
const table: Record<Capability, Record<Role, boolean>> = {
  'watch-own-classes': {
    teacher: true,
    dsl: true,
    technician: false,
    governor: false,
    'senior-leader': false,
    admin: false,
    'trust-dsl': false,
    'trust-reporter': false,
  },
  'watch-all-classes': {
    teacher: false,
    dsl: true,
    technician: false,
    governor: false,
    'senior-leader': false,
    admin: false,
    'trust-dsl': false,
    'trust-reporter': false,
  },
  'raise-incident': {
    teacher: true,
    dsl: true,
    technician: true,
    governor: false,
    'senior-leader': false,
    admin: false,
    'trust-dsl': false,
    'trust-reporter': false,
  },
  'work-incident-log': {
    teacher: false,
    dsl: true,
    technician: false,
    governor: false,
    'senior-leader': false,
    admin: false,
    'trust-dsl': false,
    'trust-reporter': false,
  },
  'see-illegal-urls': {
    teacher: false,
    dsl: true,
    technician: false,
    governor: false,
    'senior-leader': false,
    admin: false,
    'trust-dsl': false,
    'trust-reporter': false,
  },
  'lesson-overrides': {
    teacher: true,
    dsl: true,
    technician: false,
    governor: false,
    'senior-leader': false,
    admin: false,
    'trust-dsl': false,
    'trust-reporter': false,
  },
  'edit-policies': {
    teacher: false,
    dsl: true,
    technician: true,
    governor: false,
    'senior-leader': false,
    admin: false,
    'trust-dsl': false,
    'trust-reporter': false,
  },
  'manage-devices': {
    teacher: false,
    dsl: false,
    technician: true,
    governor: false,
    'senior-leader': false,
    admin: false,
    'trust-dsl': false,
    'trust-reporter': false,
  },
  'issue-visitor-passes': {
    teacher: false,
    dsl: true,
    technician: true,
    governor: false,
    'senior-leader': false,
    admin: false,
    'trust-dsl': false,
    'trust-reporter': false,
  },
  'report-concerns': {
    teacher: false,
    dsl: true,
    technician: true,
    governor: false,
    'senior-leader': false,
    admin: false,
    'trust-dsl': false,
    'trust-reporter': false,
  },
  'read-concern-reports': {
    teacher: false,
    dsl: true,
    technician: true,
    governor: false,
    'senior-leader': true,
    admin: false,
    'trust-dsl': false,
    'trust-reporter': false,
  },
  'view-reports': {
    teacher: false,
    dsl: true,
    technician: true,
    governor: true,
    'senior-leader': true,
    admin: false,
    'trust-dsl': false,
    'trust-reporter': false,
  },
  'view-change-log': {
    teacher: false,
    dsl: true,
    technician: true,
    governor: true,
    'senior-leader': true,
    admin: false,
    'trust-dsl': false,
    'trust-reporter': false,
  },
  'see-pupil-names-in-reports': {
    teacher: false,
    dsl: true,
    technician: false,
    governor: false,
    'senior-leader': false,
    admin: false,
    'trust-dsl': false,
    'trust-reporter': false,
  },
  'manage-accounts': {
    teacher: false,
    dsl: false,
    technician: false,
    governor: false,
    'senior-leader': false,
    admin: true,
    'trust-dsl': false,
    'trust-reporter': false,
  },
  'manage-classes': {
    teacher: false,
    dsl: false,
    technician: false,
    governor: false,
    'senior-leader': false,
    admin: true,
    'trust-dsl': false,
    'trust-reporter': false,
  },
  // Trust-level roles: across the schools of their own trust, nothing school-level.
  'view-trust-reports': {
    teacher: false,
    dsl: false,
    technician: false,
    governor: false,
    'senior-leader': false,
    admin: false,
    'trust-dsl': true,
    'trust-reporter': true,
  },
  'oversee-trust-safeguarding': {
    teacher: false,
    dsl: false,
    technician: false,
    governor: false,
    'senior-leader': false,
    admin: false,
    'trust-dsl': true,
    'trust-reporter': false,
  },
  'see-trust-pupil-names': {
    teacher: false,
    dsl: false,
    technician: false,
    governor: false,
    'senior-leader': false,
    admin: false,
    'trust-dsl': true,
    'trust-reporter': false,
  },
};

describe('can(role, capability)', () => {
  it('covers every capability', () =>
    expect(Object.keys(table).sort()).toEqual([...CAPABILITY_NAMES].sort()));
  for (const capability of CAPABILITY_NAMES) {
    for (const role of ROLES) {
      it(`${role} ${table[capability][role] ? 'can' : 'cannot'} ${capability}`, () => {
        expect(can(role, capability)).toBe(table[capability][role]);
      });
    }
  }
  it('no role, no capability', () => {
    expect(can(null, 'view-reports')).toBe(false);
    expect(can('headteacher' as Role, 'view-reports')).toBe(false);
  });
});
