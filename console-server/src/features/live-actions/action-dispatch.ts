import type { Namespace } from 'socket.io';
import type { ActionResult, DeviceAction } from '@waymark/shared';
import { rooms } from '../../sockets/rooms';

/** How long a device has to say it applied an action before it counts as failed. */
export const ACTION_ACK_MS = 5000;

/**
 * Sends an action to each device (in the class, speaking protocol 2, on whichever process) and
 * collects its answer: applied, failed (its error, or no answer in time), or offline (no such
 * connection anywhere).
 */
export async function dispatchAction(
  devices: Namespace,
  classId: string,
  deviceIds: readonly string[],
  message: DeviceAction,
): Promise<ActionResult[]> {
  return Promise.all(
    deviceIds.map(async (deviceId): Promise<ActionResult> => {
      try {
        const answers = (await devices
          .to(rooms.classDevice(classId, deviceId))
          .timeout(ACTION_ACK_MS)
          .emitWithAck('action', message)) as unknown[];
        if (answers.length === 0) return { deviceId, outcome: 'offline', error: null };
        const refused = answers.find(
          (a): a is { ok: false; error: unknown } => (a as { ok?: unknown } | null)?.ok !== true,
        );
        if (!refused) return { deviceId, outcome: 'applied', error: null };
        const error =
          typeof refused.error === 'string' ? refused.error.slice(0, 200) : 'the device could not';
        return { deviceId, outcome: 'failed', error };
      } catch {
        return { deviceId, outcome: 'failed', error: 'no answer from the device in time' };
      }
    }),
  );
}
