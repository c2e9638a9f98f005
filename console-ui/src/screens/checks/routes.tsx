import type { RouteObject } from 'react-router';
import { CheckPage } from './CheckPage';
import { ChecksPage } from './ChecksPage';

export const checksRoutes: RouteObject[] = [
  { path: 'checks', element: <ChecksPage /> },
  { path: 'checks/:checkId', element: <CheckPage /> },
];
