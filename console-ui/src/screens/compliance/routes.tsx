import type { RouteObject } from 'react-router';
import { CompliancePage } from './CompliancePage';
import { ReviewPackPage } from './ReviewPackPage';
import { ReviewPacksPage } from './ReviewPacksPage';

export const complianceRoutes: RouteObject[] = [
  { path: 'compliance', element: <CompliancePage /> },
  { path: 'compliance/review', element: <ReviewPacksPage /> },
  { path: 'compliance/review/:id', element: <ReviewPackPage /> },
];
