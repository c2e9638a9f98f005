import type { RouteObject } from 'react-router';
import { AlertDetailPage } from './AlertDetailPage';
import { AlertsPage } from './AlertsPage';

export const alertsRoutes: RouteObject[] = [
  { path: 'alerts', element: <AlertsPage /> },
  { path: 'alerts/:alertId', element: <AlertDetailPage /> },
];
