import type { RouteObject } from 'react-router';
import { DigestView } from './DigestView';
import { OverviewReport } from './OverviewReport';
import { PupilDetail } from './PupilDetail';
import { PupilsReport } from './PupilsReport';
import { ReportsPage } from './ReportsPage';

export const reportsRoutes: RouteObject[] = [
  {
    path: 'reports',
    element: <ReportsPage />,
    children: [
      { index: true, element: <OverviewReport /> },
      { path: 'digest', element: <DigestView /> },
      { path: 'pupils', element: <PupilsReport /> },
      { path: 'pupils/:key', element: <PupilDetail /> },
    ],
  },
];
