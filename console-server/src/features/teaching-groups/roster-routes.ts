import { rosterSyncContract, type RosterChanges } from '@waymark/shared';
import type { Database } from '../../db/open-database';
import { HttpError } from '../../http/middleware';
import { contractRouter } from '../../http/contract-route';
import type { CalendarService } from './calendar-service';
import { applyPlan } from './oneroster/apply-plan';
import { parseBundle } from './oneroster/parse-bundle';
import { planImport } from './oneroster/plan-import';
import { readBundle } from './oneroster/read-bundle';
import { applyTimetable, planTimetable } from './timetable-import';

/**
 * Nothing is applied while any line is wrong: a 400 listing them all, by file and line (with the
 * rest of the preview).
 */
function refuseInvalid(changes: RosterChanges): void {
  if (changes.errors.length === 0) return;
  const n = changes.errors.length;
  throw new HttpError(400, `${n} line${n === 1 ? ' is' : 's are'} wrong; nothing was applied`, 'invalid', {
    changes,
  });
}

/**
 * Roster sync (the school admin): OneRoster 1.1/1.2 bundles and the timetable CSV, each previewed
 * and then applied; the school's terms, holidays and timetable weeks; a group's profile override.
 */
export function rosterRoutes(deps: {
  db: Database;
  calendarService: CalendarService;
  /** The school's groups or lessons changed: devices move to their pupils' lessons now. */
  lessonsChanged: (schoolId: string) => Promise<void>;
}) {
  const { router, route } = contractRouter('/api/roster');
  const admin = 'manage-classes';

  async function oneRosterPlan(schoolId: string, body: Parameters<typeof readBundle>[0]) {
    const { bundle, errors } = parseBundle(await readBundle(body));
    return planImport(deps.db, schoolId, bundle, errors);
  }

  route(rosterSyncContract.oneRosterPreview, admin, async ({ who, body }) => {
    return (await oneRosterPlan(who.schoolId, body)).changes;
  });
  route(rosterSyncContract.oneRosterApply, admin, async ({ who, body }) => {
    const plan = await oneRosterPlan(who.schoolId, body);
    refuseInvalid(plan.changes);
    await applyPlan(deps.db, who, plan);
    await deps.lessonsChanged(who.schoolId);
    return { ...plan.changes, applied: true };
  });

  route(rosterSyncContract.timetablePreview, admin, async ({ who, body }) => {
    return (await planTimetable(deps.db, who.schoolId, body.csv)).changes;
  });
  route(rosterSyncContract.timetableApply, admin, async ({ who, body }) => {
    const plan = await planTimetable(deps.db, who.schoolId, body.csv);
    refuseInvalid(plan.changes);
    await applyTimetable(deps.db, who, plan);
    await deps.lessonsChanged(who.schoolId);
    return { ...plan.changes, applied: true };
  });

  route(rosterSyncContract.calendar, admin, async ({ who }) => deps.calendarService.get(who.schoolId));
  route(rosterSyncContract.saveCalendar, admin, async ({ who, body }) => {
    await deps.calendarService.put(who.schoolId, body);
    await deps.lessonsChanged(who.schoolId);
    return deps.calendarService.get(who.schoolId);
  });

  route(rosterSyncContract.patchGroup, admin, async ({ who, params: { classId }, body }) => {
    const { profileOverride } = body;
    if (!(await deps.calendarService.setProfileOverride(who.schoolId, classId, profileOverride)))
      throw new HttpError(404, 'no such group');
    await deps.lessonsChanged(who.schoolId);
    return { classId, profileOverride };
  });
  return router;
}
