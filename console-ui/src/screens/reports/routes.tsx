import type { RouteObject } from 'react-router';
import { ConcernsReport } from './ConcernsReport';
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
      { path: 'concerns', element: <ConcernsReport /> },
      { path: 'pupils', element: <PupilsReport /> },
      { path: 'pupils/:key', element: <PupilDetail /> },
    ],
  },
];
