import { useQuery } from '@tanstack/react-query';
import { can } from '@waymark/shared';
import { useSession } from '../../lib/session';
import { deviceKeys, devicesApi } from './api';

/** Devices report in every few minutes: the list and the summary follow without a reload. */
const REFRESH_MS = 30_000;

/** May the signed-in person manage devices? (The Layout has loaded the session.) */
export function useCanManageDevices(): boolean {
  return can(useSession().data?.role, 'manage-devices');
}

/** Every device with its health, shared by the summary and each devices screen (one request). */
export function useDeviceHealth() {
  const allowed = useCanManageDevices();
  return useQuery({
    queryKey: deviceKeys.health(),
    queryFn: devicesApi.health,
    enabled: allowed,
    refetchInterval: REFRESH_MS,
  });
}

export function useDeviceClasses() {
  const allowed = useCanManageDevices();
  return useQuery({
    queryKey: deviceKeys.classes(),
    queryFn: devicesApi.classes,
    enabled: allowed,
    staleTime: 5 * 60_000,
  });
}
