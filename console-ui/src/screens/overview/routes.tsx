import type { RouteObject } from 'react-router';
import { OverviewPage } from './OverviewPage';

export const overviewRoutes: RouteObject[] = [{ path: 'overview', element: <OverviewPage /> }];
