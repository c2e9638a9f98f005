import type { RouteObject } from 'react-router';
import { DevicesPage } from './DevicesPage';

export const devicesRoutes: RouteObject[] = [{ path: 'devices', element: <DevicesPage /> }];
