export { trustRoutes } from './trust-routes';
export { createTrustService, type TrustService } from './trust-service';
export {
  addTrustStaff,
  createSchool,
  createTrust,
  listTrusts,
  setSchoolTrust,
  SetupError,
} from './trust-setup';
