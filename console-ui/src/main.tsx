import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { Layout } from './pages/Layout';
import { ClassesPage } from './pages/ClassesPage';
import { accountsRoutes } from './screens/accounts/routes';
import { alertsRoutes } from './screens/alerts/routes';
import { checksRoutes } from './screens/checks/routes';
import { complianceRoutes } from './screens/compliance/routes';
import { deployRoutes } from './screens/deploy/routes';
import { devicesRoutes } from './screens/devices/routes';
import { incidentsRoutes } from './screens/incidents/routes';
import { liveRoutes } from './screens/live/routes';
import { overviewRoutes } from './screens/overview/routes';
import { policiesRoutes } from './screens/policies/routes';
import { reportsRoutes } from './screens/reports/routes';
import { trustRoutes } from './screens/trust/routes';
import { visitorsRoutes } from './screens/visitors/routes';
import { rosterRoutes } from './screens/roster/routes';
import { SignInPage } from './pages/SignInPage';
import { startI18n } from './i18n';
import './styles.css';

startI18n();

const router = createBrowserRouter([
  { path: '/sign-in', element: <SignInPage /> },
  {
    element: <Layout />,
    children: [
      { index: true, element: <ClassesPage /> },
      ...overviewRoutes,
      ...liveRoutes,
      ...alertsRoutes,
      ...incidentsRoutes,
      ...policiesRoutes,
      ...devicesRoutes,
      ...checksRoutes,
      ...deployRoutes,
      ...reportsRoutes,
      ...complianceRoutes,
      ...trustRoutes,
      ...visitorsRoutes,
      ...accountsRoutes,
      ...rosterRoutes,
    ],
  },
]);

const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false } },
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  </StrictMode>,
);
