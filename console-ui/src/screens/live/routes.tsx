import type { RouteObject } from 'react-router';
import { LiveClassPage } from './LiveClassPage';

export const liveRoutes: RouteObject[] = [{ path: 'classes/:classId/live', element: <LiveClassPage /> }];
