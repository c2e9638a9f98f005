export { overrideRoutes } from './override-routes';
export { createOverrideService, type OverrideService } from './override-service';
export { requestRoutes } from './request-routes';
export { createRequestService, type DecisionOutcome, type RequestService } from './request-service';
