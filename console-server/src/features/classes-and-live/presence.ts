import type { DevicePresence } from '@waymark/shared';
import type { ConsoleNamespace } from '../../sockets/console-namespace';
import type { DeviceIdentity } from '../devices-and-enrollment';
import { rooms } from '../../sockets/rooms';

/** Tells the consoles watching a device's class (and the school's DSLs) that it came online or went offline. */
export function broadcastPresence(
  nsp: ConsoleNamespace,
  device: DeviceIdentity,
  online: boolean,
  at = new Date(),
): void {
  const presence: DevicePresence = {
    deviceId: device.deviceId,
    deviceName: device.deviceName,
    classId: device.classId,
    user: device.user,
    pupilName: device.pupilName,
    online,
    at: at.toISOString(),
  };
  const targets = [
    rooms.schoolAll(device.schoolId),
    ...(device.classId ? [rooms.class(device.classId)] : []),
  ];
  nsp.to(targets).emit('presence', presence);
}
