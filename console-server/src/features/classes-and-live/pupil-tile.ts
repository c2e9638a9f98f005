import type { DeviceIdentity } from '../devices-and-enrollment';

/** Whose tile a device's live message is for: the same five fields on tab state and thumbnails. */
export function pupilTileOf(device: DeviceIdentity) {
  return {
    deviceId: device.deviceId,
    classId: device.classId!,
    user: device.user,
    deviceName: device.deviceName,
    pupilName: device.pupilName,
  };
}
