export { filterCheckRoutes } from './check-routes';
export { createFilterCheckService, filterCheckSummary, type FilterCheckService } from './check-service';
export { createScheduledFilterCheck } from './scheduled-check';
