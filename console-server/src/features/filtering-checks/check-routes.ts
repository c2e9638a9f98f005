import { and, asc, eq } from 'drizzle-orm';
import { filterChecksContract, type FilterCheckTargets } from '@waymark/shared';
import type { Database } from '../../db/open-database';
import { classes, devices } from '../../db/schema';
import { contractRouter } from '../../http/contract-route';
import type { FilterCheckService } from './check-service';
import { addressesFor, checkFor } from './check-redaction';

/** Filtering checks: `/api/filter-checks` (the DSL and the technician: `run-filtering-checks`). */
export function filterCheckRoutes(deps: { db: Database; checks: FilterCheckService }) {
  const { router, route } = contractRouter('/api/filter-checks');
  const { checks } = deps;
  const access = 'run-filtering-checks';

  route(filterChecksContract.list, access, async ({ who }) => ({
    checks: (await checks.list(who.schoolId)).map((c) => checkFor(who, c)),
  }));

  route(filterChecksContract.run, access, async ({ who, body: { target } }) => ({
    check: checkFor(who, await checks.run(who.schoolId, target, who)),
  }));

  // What a check can run on: the school's classes and devices (online now or not).
  route(filterChecksContract.targets, access, async ({ who }) => {
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
    return {
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
  });

  route(filterChecksContract.addresses, access, async ({ who }) => ({
    addresses: addressesFor(who, await checks.addresses(who.schoolId)),
  }));

  route(filterChecksContract.addAddress, access, async ({ who, body }) => ({
    address: await checks.addAddress(who, body),
  }));

  route(filterChecksContract.removeAddress, access, async ({ who, params }) => {
    await checks.removeAddress(who, params.id);
    return { removed: params.id };
  });

  route(filterChecksContract.schedule, access, async ({ who }) => ({
    schedule: await checks.schedule(who.schoolId),
  }));

  route(filterChecksContract.saveSchedule, access, async ({ who, body }) => ({
    schedule: await checks.saveSchedule(who.schoolId, body),
  }));

  route(filterChecksContract.one, access, async ({ who, params }) => ({
    check: checkFor(who, await checks.get(who.schoolId, params.id)),
  }));

  route(filterChecksContract.addFollowUp, access, async ({ who, params, body }) => ({
    check: checkFor(who, await checks.addFollowUp(who, params.id, body)),
  }));
  return router;
}
