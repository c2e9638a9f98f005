import { describe, expect, it } from 'vitest';
import { CAPABILITY_NAMES, can, ROLES, type Capability, type Role } from '../src';

// DESIGN.md's roles table, transcribed: ✓ = true.
const table: Record<Capability, Record<Role, boolean>> = {
  'watch-own-classes': { teacher: true, dsl: true, technician: false, governor: false },
  'watch-all-classes': { teacher: false, dsl: true, technician: false, governor: false },
  'raise-incident': { teacher: true, dsl: true, technician: true, governor: false },
  'work-incident-log': { teacher: false, dsl: true, technician: false, governor: false },
  'see-illegal-urls': { teacher: false, dsl: true, technician: false, governor: false },
  'lesson-overrides': { teacher: true, dsl: true, technician: false, governor: false },
  'edit-policies': { teacher: false, dsl: true, technician: true, governor: false },
  'manage-devices': { teacher: false, dsl: false, technician: true, governor: false },
  'view-reports': { teacher: false, dsl: true, technician: true, governor: true },
  'view-change-log': { teacher: false, dsl: true, technician: true, governor: true },
  'see-pupil-names-in-reports': { teacher: false, dsl: true, technician: false, governor: false },
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
