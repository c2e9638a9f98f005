import { eq } from 'drizzle-orm';
import { schools } from '../../../db/schema';
import type { EvidenceProvider } from '../evidence';

/**
 * Pupils, staff and visitors know they are monitored: every enrolled device says so (the
 * extension's toolbar popup and its block pages), and a visitor's device shows the acceptable-use
 * notice first. Signed agreements are the school's own paperwork, which the reason says.
 */
export const usersTold: EvidenceProvider = {
  id: 'users-told',
  async collect({ db, schoolId, deviceHealth }) {
    const [school] = await db
      .select({ notice: schools.visitorNotice })
      .from(schools)
      .where(eq(schools.id, schoolId));
    const devices = (await deviceHealth()).summary.devices;
    const figures = [
      { key: 'devices', value: devices },
      { key: 'visitorNotice', value: school?.notice ? 'own' : 'standard' },
    ];
    const base = { id: 'users-told', standard: 'monitoring', figures, fix: '/visitors' } as const;
    return devices === 0
      ? { ...base, status: 'not-met', reason: 'no-devices', fix: '/devices' }
      : { ...base, status: 'met', reason: 'told' };
  },
};
