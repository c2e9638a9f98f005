export { createApplication, type Application, type ApplicationOptions } from './app';
export { openDatabase, openPglite, openPostgres, recoverDataFolder, type Database } from './db/open-database';
export {
  seedDemoSchool,
  DEMO_ACCOUNTS,
  DEMO_ENROLLMENT_TOKENS,
  DEMO_PASSWORD,
  DEMO_SCHOOL_ID,
} from './seed/demo-school';
export { starterPolicy } from './seed/starter-policies';
export { addTrustStaff, createSchool, createTrust, setSchoolTrust } from './features/trust';
export { startScheduledJobs } from './jobs/scheduled-jobs';
