export { dataProtectionRoutes } from './data-protection-routes';
export { createDataProtectionService, type DataProtectionService } from './data-protection-service';
