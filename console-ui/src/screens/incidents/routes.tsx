import type { RouteObject } from 'react-router';
import { IncidentsPage } from './IncidentsPage';

export const incidentsRoutes: RouteObject[] = [{ path: 'incidents', element: <IncidentsPage /> }];
