import { Router } from 'express';
import { and, asc, eq } from 'drizzle-orm';
import {
  AddFollowUpBodySchema,
  AddTestAddressBodySchema,
  FilterCheckScheduleSchema,
  RunFilterCheckBodySchema,
  type FilterCheckTargets,
} from '@waymark/shared';
import type { Database } from '../../db/open-database';
import { classes, devices } from '../../db/schema';
import { handle, parseBody, requireCapability } from '../../http/middleware';
import type { FilterCheckService } from './check-service';
import { addressesFor, checkFor } from './check-redaction';

/** Filtering checks: `/api/filter-checks` (the DSL and the technician: `run-filtering-checks`). */
export function filterCheckRoutes(deps: { db: Database; checks: FilterCheckService }) {
  const router = Router();
  const { checks } = deps;

  router.get(
    '/',
    handle(async (req, res) => {
      const who = requireCapability(req, 'run-filtering-checks');
      res.json({ checks: (await checks.list(who.schoolId)).map((c) => checkFor(who, c)) });
    }),
  );

  router.post(
    '/',
    handle(async (req, res) => {
      const who = requireCapability(req, 'run-filtering-checks');
      const { target } = parseBody(RunFilterCheckBodySchema, req.body);
      res.status(201).json({ check: checkFor(who, await checks.run(who.schoolId, target, who)) });
    }),
  );

  // What a check can run on: the school's classes and devices (online now or not).
  router.get(
    '/targets',
    handle(async (req, res) => {
      const who = requireCapability(req, 'run-filtering-checks');
      const classRows = await deps.db
        .select({ id: classes.id, name: classes.name, profile: classes.profile })
        .from(classes)
        .where(eq(classes.schoolId, who.schoolId))
        .orderBy(asc(classes.name));
      const deviceRows = await deps.db
        .select({
          id: devices.id,
          name: devices.name,
          classId: devices.classId,
          profile: devices.enforcedProfile,
          online: devices.online,
        })
        .from(devices)
        .where(and(eq(devices.schoolId, who.schoolId)))
        .orderBy(asc(devices.name));
      const names = new Map(classRows.map((c) => [c.id, c.name]));
      const body: FilterCheckTargets = {
        classes: classRows.map((c) => ({
          ...c,
          profile: c.profile as FilterCheckTargets['classes'][0]['profile'],
        })),
        devices: deviceRows.map((d) => ({
          id: d.id,
          name: d.name,
          className: d.classId ? (names.get(d.classId) ?? null) : null,
          profile: d.profile as FilterCheckTargets['devices'][0]['profile'],
          online: d.online,
        })),
      };
      res.json(body);
    }),
  );

  router.get(
    '/addresses',
    handle(async (req, res) => {
      const who = requireCapability(req, 'run-filtering-checks');
      res.json({ addresses: addressesFor(who, await checks.addresses(who.schoolId)) });
    }),
  );

  router.post(
    '/addresses',
    handle(async (req, res) => {
      const who = requireCapability(req, 'run-filtering-checks');
      res
        .status(201)
        .json({ address: await checks.addAddress(who, parseBody(AddTestAddressBodySchema, req.body)) });
    }),
  );

  router.delete(
    '/addresses/:id',
    handle(async (req, res) => {
      const who = requireCapability(req, 'run-filtering-checks');
      await checks.removeAddress(who, String(req.params.id));
      res.json({ removed: String(req.params.id) });
    }),
  );

  router.get(
    '/schedule',
    handle(async (req, res) => {
      const who = requireCapability(req, 'run-filtering-checks');
      res.json({ schedule: await checks.schedule(who.schoolId) });
    }),
  );

  router.put(
    '/schedule',
    handle(async (req, res) => {
      const who = requireCapability(req, 'run-filtering-checks');
      res.json({
        schedule: await checks.saveSchedule(who.schoolId, parseBody(FilterCheckScheduleSchema, req.body)),
      });
    }),
  );

  router.get(
    '/:id',
    handle(async (req, res) => {
      const who = requireCapability(req, 'run-filtering-checks');
      res.json({ check: checkFor(who, await checks.get(who.schoolId, String(req.params.id))) });
    }),
  );

  router.post(
    '/:id/follow-ups',
    handle(async (req, res) => {
      const who = requireCapability(req, 'run-filtering-checks');
      const body = parseBody(AddFollowUpBodySchema, req.body);
      res
        .status(201)
        .json({ check: checkFor(who, await checks.addFollowUp(who, String(req.params.id), body)) });
    }),
  );
  return router;
}
