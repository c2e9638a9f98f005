import type { Socket } from 'socket.io';
import { LOCK_MAX_MINUTES, TAB_STATE_PROTOCOL, type ActionResult, type DeviceAction } from '@waymark/shared';
import type { Database } from '../../db/open-database';
import type { DeviceIdentity } from '../devices-and-enrollment';
import type { ConsoleNamespace } from '../../sockets/console-namespace';
import { rooms } from '../../sockets/rooms';
import { lessonEnd } from '../classes-and-live';
import { ACTION_ACK_MS } from './action-dispatch';
import type { LiveActionService } from './action-service';

/** Outside the timetable, an action counts as the lesson's for this long (the longest lock). */
const UNTIMETABLED_LESSON_MS = LOCK_MAX_MINUTES * 60_000;
/** No lesson is longer: older actions are never looked at. */
const LOOK_BACK_MS = 6 * 60 * 60_000;

/**
 * An action for a device that was offline is applied when it reconnects, only while the lesson it
 * was given in lasts (the timetable period's end; an hour when the class had no period then), and
 * a lock only before its release. The teacher's console hears the device's late answer.
 */
export function createLateActionDelivery(deps: {
  db: Database;
  actionService: LiveActionService;
  consoles: ConsoleNamespace;
}) {
  async function stillInLesson(schoolId: string, classId: string, sentAt: Date, now: Date) {
    const end =
      (await lessonEnd(deps.db, schoolId, classId, sentAt)) ??
      new Date(sentAt.getTime() + UNTIMETABLED_LESSON_MS);
    return now < end;
  }

  async function answer(socket: Socket, message: DeviceAction): Promise<ActionResult | null> {
    const { device } = socket.data as { device: DeviceIdentity };
    try {
      const reply = (await socket.timeout(ACTION_ACK_MS).emitWithAck('action', message)) as unknown;
      const refused = (reply as { ok?: unknown; error?: unknown } | null) ?? {};
      if (refused.ok === true) return { deviceId: device.deviceId, outcome: 'applied', error: null };
      const error = typeof refused.error === 'string' ? refused.error.slice(0, 200) : 'the device could not';
      return { deviceId: device.deviceId, outcome: 'failed', error };
    } catch {
      // Gone again: it stays offline on the record, and may still get it next time.
      if (socket.disconnected) return null;
      return { deviceId: device.deviceId, outcome: 'failed', error: 'no answer from the device in time' };
    }
  }

  return {
    async deviceConnected(socket: Socket): Promise<void> {
      const { device, protocolVersion } = socket.data as { device: DeviceIdentity; protocolVersion: number };
      if (!device.classId || protocolVersion < TAB_STATE_PROTOCOL) return;
      const now = new Date();
      const offline = await deps.actionService.offlineFor(
        device.schoolId,
        device.classId,
        device.deviceId,
        new Date(now.getTime() - LOOK_BACK_MS),
      );
      for (const row of offline) {
        if (row.until && row.until <= now) continue;
        if (!(await stillInLesson(device.schoolId, device.classId, row.createdAt, now))) continue;
        const result = await answer(socket, {
          id: row.id,
          action: row.action,
          from: row.staffName,
          at: row.createdAt.toISOString(),
          until: row.until?.toISOString() ?? null,
        });
        if (!result) return;
        await deps.actionService.recordDeviceResult(row.id, result);
        deps.consoles
          .to(rooms.class(device.classId))
          .emit('action-result', { actionId: row.id, classId: device.classId, result });
      }
    },
  };
}
