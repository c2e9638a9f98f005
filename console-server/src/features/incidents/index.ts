export { incidentRoutes } from './incident-routes';
export { createIncidentService, type IncidentService } from './incident-service';
export { verifyLog } from './verify-log';
export { anchorSentence, chainHead, type ChainHead } from './chain-head';
