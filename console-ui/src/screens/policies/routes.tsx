import type { RouteObject } from 'react-router';
import { ChangeLogPage } from './ChangeLogPage';
import { ImportsPage } from './ImportsPage';
import { PoliciesLayout } from './PoliciesLayout';
import { PoliciesPage } from './PoliciesPage';
import { ProfileEditPage } from './ProfileEditPage';

export const policiesRoutes: RouteObject[] = [
  {
    path: 'policies',
    element: <PoliciesLayout />,
    children: [
      { index: true, element: <PoliciesPage /> },
      { path: 'changes', element: <ChangeLogPage /> },
      { path: 'imports', element: <ImportsPage /> },
      { path: ':profile', element: <ProfileEditPage /> },
    ],
  },
];
