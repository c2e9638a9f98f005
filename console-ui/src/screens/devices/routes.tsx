import type { RouteObject } from 'react-router';
import { DevicesLayout } from './DevicesLayout';
import { DevicesPage } from './DevicesPage';
import { HealthPage } from './HealthPage';
import { TokensPage } from './TokensPage';

/** `devices/deploy` is the deployment screen's own route (screens/deploy). */
export const devicesRoutes: RouteObject[] = [
  {
    path: 'devices',
    element: <DevicesLayout />,
    children: [
      { index: true, element: <DevicesPage /> },
      { path: 'health', element: <HealthPage /> },
      { path: 'tokens', element: <TokensPage /> },
    ],
  },
];
