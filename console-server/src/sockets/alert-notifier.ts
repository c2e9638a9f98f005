import type { Namespace } from 'socket.io';
import type { Alert } from '@waymark/shared';
import { rooms } from './rooms';

/**
 * Alerts on the consoles: a new alert to the school's DSLs and its trust's safeguarding leads; a
 * change (a repeat counted in, an acknowledgement, an escalation) to them and, once an alert has
 * reached them, to the school's senior leaders.
 */
export function createAlertNotifier(deps: {
  consoles: Namespace;
  trustOf: (schoolId: string) => Promise<string | null>;
  seniorLeaders: (schoolId: string) => Promise<string[]>;
}) {
  async function roomsOf(alert: Alert): Promise<string[]> {
    const trustId = await deps.trustOf(alert.schoolId);
    const leaders =
      alert.escalatedTo === 'senior-leader'
        ? (await deps.seniorLeaders(alert.schoolId)).map((id) => rooms.staff(id))
        : [];
    return [rooms.schoolAll(alert.schoolId), ...(trustId ? [rooms.trustAll(trustId)] : []), ...leaders];
  }

  return {
    /** What considering an event for an alert came to: a new alert, one counted into, or nothing. */
    async considered(result: { alert: Alert; created: boolean } | null): Promise<void> {
      if (!result) return;
      const targets = await roomsOf(result.alert);
      deps.consoles.to(targets).emit(result.created ? 'alert' : 'alert-changed', result.alert);
    },
    /** An alert acknowledged or escalated. */
    async changed(alert: Alert): Promise<void> {
      deps.consoles.to(await roomsOf(alert)).emit('alert-changed', alert);
    },
  };
}
