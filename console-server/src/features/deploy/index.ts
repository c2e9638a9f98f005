export { deployRoutes } from './deploy-routes';
export { createDeployService, type DeployService } from './deploy-service';
export { extensionRoutes } from './extension-routes';
export { generatePolicy } from './generate-policy';
export { createReleaseStore, type ReleaseStore } from './release-store';
