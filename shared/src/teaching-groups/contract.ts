import { z } from 'zod';
import { endpoint } from '../contract/endpoint';
import { ProfileSchema } from '../policy/categories';
import {
  GroupPatchBodySchema,
  OneRosterImportBodySchema,
  RosterChangesSchema,
  RunningSessionSchema,
  ScheduledSessionSchema,
  ScheduleSessionBodySchema,
  SchoolCalendarBodySchema,
  StartSessionBodySchema,
  TimetableImportBodySchema,
} from '../protocol/roster';
import { safeText } from '../text/safe-text';

/**
 * Lessons a teacher starts or plans for a group: `/api/classes/:classId/session`. The class's
 * teachers and the DSL only; another class answers 404 "no such class".
 */
export const sessionsContract = {
  running: endpoint({
    method: 'GET',
    path: '/api/classes/:classId/session',
    response: z.object({ session: RunningSessionSchema.nullable() }),
  }),
  start: endpoint({
    method: 'POST',
    path: '/api/classes/:classId/session',
    body: StartSessionBodySchema,
    response: z.object({ session: RunningSessionSchema }),
    status: 201,
  }),
  end: endpoint({
    method: 'POST',
    path: '/api/classes/:classId/session/end',
    response: z.object({ session: RunningSessionSchema }),
  }),
  scheduled: endpoint({
    method: 'GET',
    path: '/api/classes/:classId/session/scheduled',
    response: z.object({ sessions: z.array(ScheduledSessionSchema) }),
  }),
  schedule: endpoint({
    method: 'POST',
    path: '/api/classes/:classId/session/scheduled',
    body: ScheduleSessionBodySchema,
    response: z.object({ session: ScheduledSessionSchema }),
    status: 201,
  }),
  cancel: endpoint({
    method: 'POST',
    path: '/api/classes/:classId/session/scheduled/:sessionId/cancel',
    response: z.object({ session: ScheduledSessionSchema }),
  }),
};

/**
 * Roster sync (the school admin): `/api/roster`. An apply with any wrong line applies nothing and
 * answers 400 `{ error, code: 'invalid', changes }` (the preview with every wrong line).
 */
export const rosterSyncContract = {
  oneRosterPreview: endpoint({
    method: 'POST',
    path: '/api/roster/oneroster/preview',
    body: OneRosterImportBodySchema,
    response: RosterChangesSchema,
  }),
  oneRosterApply: endpoint({
    method: 'POST',
    path: '/api/roster/oneroster/apply',
    body: OneRosterImportBodySchema,
    response: RosterChangesSchema,
  }),
  timetablePreview: endpoint({
    method: 'POST',
    path: '/api/roster/timetable/preview',
    body: TimetableImportBodySchema,
    response: RosterChangesSchema,
  }),
  timetableApply: endpoint({
    method: 'POST',
    path: '/api/roster/timetable/apply',
    body: TimetableImportBodySchema,
    response: RosterChangesSchema,
  }),
  /** The school's terms, holidays and timetable weeks. */
  calendar: endpoint({ method: 'GET', path: '/api/roster/calendar', response: SchoolCalendarBodySchema }),
  saveCalendar: endpoint({
    method: 'PUT',
    path: '/api/roster/calendar',
    body: SchoolCalendarBodySchema,
    response: SchoolCalendarBodySchema,
  }),
  /** The profile a group's pupils enforce in its lessons (null: their own). */
  patchGroup: endpoint({
    method: 'PATCH',
    path: '/api/roster/groups/:classId',
    body: GroupPatchBodySchema,
    response: z.object({ classId: safeText(), profileOverride: ProfileSchema.nullable() }),
  }),
};
