import type { RouteObject } from 'react-router';
import { DevicesLayout } from '../devices/DevicesLayout';
import { DeployPage } from './DeployPage';

/** Inside the devices screens' frame (its heading, health summary and section links). */
export const deployRoutes: RouteObject[] = [
  { path: 'devices', element: <DevicesLayout />, children: [{ path: 'deploy', element: <DeployPage /> }] },
];
