import type { RouteObject } from 'react-router';
import { PoliciesPage } from './PoliciesPage';

export const policiesRoutes: RouteObject[] = [{ path: 'policies', element: <PoliciesPage /> }];
