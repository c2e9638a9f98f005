import type { RouteObject } from 'react-router';
import { TrustPage } from './TrustPage';
import { TrustPupilsPage } from './TrustPupilsPage';

export const trustRoutes: RouteObject[] = [
  { path: 'trust', element: <TrustPage /> },
  { path: 'trust/schools/:schoolId/pupils', element: <TrustPupilsPage /> },
];
