export { createAccessRevocations, type AccessRevocations } from './access-revocations';
export { authRoutes } from './auth-routes';
export { createOidc, oidcProvidersFromEnv, type Oidc, type OidcProviderConfig } from './oidc';
export { staffRoutes } from './staff-routes';
export { createStaffService, SESSION_MAX_MS, type StaffService } from './staff-service';
export { hashPassword, hashSecret, newSecret } from './tokens';
export { watchedClass, watching } from './watched-class';
