export { compareVersions } from './device-health-rules';
export { createDeviceHealthService } from './device-health';
export { deviceRoutes } from './device-routes';
export {
  createDeviceService,
  DeviceAuthError,
  type DeviceIdentity,
  type DeviceService,
} from './device-service';
export { createExpectedDevices } from './expected-devices';
export { createSilentDeviceCheck } from './silent-devices';
