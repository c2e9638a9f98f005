export { filterCheckRoutes } from './check-routes';
export { createFilterCheckService, type FilterCheckService } from './check-service';
export { filterCheckSummary } from './check-summary';
export { createScheduledFilterCheck } from './scheduled-check';
