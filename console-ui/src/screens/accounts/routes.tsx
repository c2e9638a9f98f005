import type { RouteObject } from 'react-router';
import { AccountsPage } from './AccountsPage';

export const accountsRoutes: RouteObject[] = [{ path: 'accounts', element: <AccountsPage /> }];
