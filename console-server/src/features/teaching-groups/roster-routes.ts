import { Router, type Response } from 'express';
import {
  GroupPatchBodySchema,
  OneRosterImportBodySchema,
  SchoolCalendarBodySchema,
  TimetableImportBodySchema,
  type RosterChanges,
} from '@waymark/shared';
import type { Database } from '../../db/open-database';
import { handle, HttpError, parseBody, requireCapability } from '../../http/middleware';
import type { CalendarService } from './calendar-service';
import { applyPlan } from './oneroster/apply-plan';
import { parseBundle } from './oneroster/parse-bundle';
import { planImport } from './oneroster/plan-import';
import { readBundle } from './oneroster/read-bundle';
import { applyTimetable, planTimetable } from './timetable-import';

/**
 * Nothing is applied while any line is wrong: a 400 listing them all, by file and line (with the
 * rest of the preview). True when it answered.
 */
function refusedInvalid(res: Response, changes: RosterChanges): boolean {
  if (changes.errors.length === 0) return false;
  const n = changes.errors.length;
  res.status(400).json({
    error: `${n} line${n === 1 ? ' is' : 's are'} wrong; nothing was applied`,
    code: 'invalid',
    changes,
  });
  return true;
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
  const router = Router();
  const admin = (req: Parameters<Parameters<typeof handle>[0]>[0]) =>
    requireCapability(req, 'manage-classes');

  async function oneRosterPlan(req: Parameters<Parameters<typeof handle>[0]>[0]) {
    const who = admin(req);
    const body = parseBody(OneRosterImportBodySchema, req.body);
    const { bundle, errors } = parseBundle(await readBundle(body));
    return { who, plan: await planImport(deps.db, who.schoolId, bundle, errors) };
  }

  router.post(
    '/oneroster/preview',
    handle(async (req, res) => {
      res.json((await oneRosterPlan(req)).plan.changes);
    }),
  );
  router.post(
    '/oneroster/apply',
    handle(async (req, res) => {
      const { who, plan } = await oneRosterPlan(req);
      if (refusedInvalid(res, plan.changes)) return;
      await applyPlan(deps.db, who, plan);
      await deps.lessonsChanged(who.schoolId);
      res.json({ ...plan.changes, applied: true });
    }),
  );

  router.post(
    '/timetable/preview',
    handle(async (req, res) => {
      const who = admin(req);
      const { csv } = parseBody(TimetableImportBodySchema, req.body);
      res.json((await planTimetable(deps.db, who.schoolId, csv)).changes);
    }),
  );
  router.post(
    '/timetable/apply',
    handle(async (req, res) => {
      const who = admin(req);
      const { csv } = parseBody(TimetableImportBodySchema, req.body);
      const plan = await planTimetable(deps.db, who.schoolId, csv);
      if (refusedInvalid(res, plan.changes)) return;
      await applyTimetable(deps.db, who, plan);
      await deps.lessonsChanged(who.schoolId);
      res.json({ ...plan.changes, applied: true });
    }),
  );

  router.get(
    '/calendar',
    handle(async (req, res) => {
      res.json(await deps.calendarService.get(admin(req).schoolId));
    }),
  );
  router.put(
    '/calendar',
    handle(async (req, res) => {
      const who = admin(req);
      await deps.calendarService.put(who.schoolId, parseBody(SchoolCalendarBodySchema, req.body));
      await deps.lessonsChanged(who.schoolId);
      res.json(await deps.calendarService.get(who.schoolId));
    }),
  );

  router.patch(
    '/groups/:classId',
    handle(async (req, res) => {
      const who = admin(req);
      const { profileOverride } = parseBody(GroupPatchBodySchema, req.body);
      if (
        !(await deps.calendarService.setProfileOverride(
          who.schoolId,
          String(req.params.classId),
          profileOverride,
        ))
      )
        throw new HttpError(404, 'no such group');
      await deps.lessonsChanged(who.schoolId);
      res.json({ classId: String(req.params.classId), profileOverride });
    }),
  );
  return router;
}
