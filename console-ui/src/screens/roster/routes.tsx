import type { RouteObject } from 'react-router';
import { RosterPage } from './RosterPage';

export const rosterRoutes: RouteObject[] = [{ path: 'roster', element: <RosterPage /> }];
