import type { RouteObject } from 'react-router';
import { IncidentDetailPage } from './IncidentDetailPage';
import { IncidentsPage } from './IncidentsPage';
import { NewIncidentPage } from './NewIncidentPage';

export const incidentsRoutes: RouteObject[] = [
  { path: 'incidents', element: <IncidentsPage /> },
  { path: 'incidents/new', element: <NewIncidentPage /> },
  { path: 'incidents/:incidentId', element: <IncidentDetailPage /> },
];
