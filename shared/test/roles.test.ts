import { describe, expect, it } from 'vitest';
import { CAPABILITY_NAMES, can, ROLES, type Capability, type Role } from '../src';

// DESIGN.md's roles table, transcribed (✓ = true), plus the school admin of the server issue.
const table: Record<Capability, Record<Role, boolean>> = {
  'watch-own-classes': { teacher: true, dsl: true, technician: false, governor: false, admin: false },
  'watch-all-classes': { teacher: false, dsl: true, technician: false, governor: false, admin: false },
  'raise-incident': { teacher: true, dsl: true, technician: true, governor: false, admin: false },
  'work-incident-log': { teacher: false, dsl: true, technician: false, governor: false, admin: false },
  'see-illegal-urls': { teacher: false, dsl: true, technician: false, governor: false, admin: false },
  'lesson-overrides': { teacher: true, dsl: true, technician: false, governor: false, admin: false },
  'edit-policies': { teacher: false, dsl: true, technician: true, governor: false, admin: false },
  'manage-devices': { teacher: false, dsl: false, technician: true, governor: false, admin: false },
  'view-reports': { teacher: false, dsl: true, technician: true, governor: true, admin: false },
  'view-change-log': { teacher: false, dsl: true, technician: true, governor: true, admin: false },
  'see-pupil-names-in-reports': {
    teacher: false,
    dsl: true,
    technician: false,
    governor: false,
    admin: false,
  },
  'manage-accounts': { teacher: false, dsl: false, technician: false, governor: false, admin: true },
  'manage-classes': { teacher: false, dsl: false, technician: false, governor: false, admin: true },
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
