import { PROFILES } from '@waymark/shared';
import type { DecisionOutcome } from '../features/requests-and-overrides';
import type { ConsoleNamespace } from './console-namespace';
import type { DevicePush } from './device-namespace';
import { rooms } from './rooms';

/** What HTTP handlers tell the live side after a change is committed. */
export interface LiveNotifier {
  classPolicyChanged(classId: string): Promise<void>;
  profilePolicyChanged(schoolId: string, profile: string): Promise<void>;
  /** Something every device of the school carries changed (its search keyword lists). */
  schoolPolicyChanged(schoolId: string): Promise<void>;
  requestDecided(outcome: DecisionOutcome): Promise<void>;
  /** A category source has a new version: the school's devices sync their category data. */
  categoriesChanged(schoolId: string): Promise<void>;
}

export function createLiveNotifier(devices: DevicePush, consoles: ConsoleNamespace): LiveNotifier {
  async function classPolicyChanged(classId: string) {
    await devices.pushPolicyToClass(classId);
    // Whoever else watches the class (another tab, the DSL) sees the lesson's controls change.
    consoles.to(rooms.class(classId)).emit('overrides-changed', { classId });
  }
  return {
    classPolicyChanged,
    profilePolicyChanged: (schoolId, profile) => devices.pushPolicyToProfile(schoolId, profile),
    categoriesChanged: async (schoolId) => devices.categoriesChanged(schoolId),
    async schoolPolicyChanged(schoolId) {
      await Promise.all(PROFILES.map((profile) => devices.pushPolicyToProfile(schoolId, profile)));
    },
    async requestDecided({ event, status, classToPush }) {
      // The new rules first, then the answer: the block page goes on to the site once it is open.
      if (classToPush) await classPolicyChanged(classToPush);
      devices.sendRequestStatus(event.deviceId, status);
      const targets = [
        rooms.schoolAll(event.schoolId),
        ...(event.classId ? [rooms.class(event.classId)] : []),
      ];
      consoles.to(targets).emit('request-status', { ...status, classId: event.classId });
    },
  };
}
