import { and, desc, eq } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import {
  localTime,
  toMinutes,
  type DeviceEvent,
  type FilterCheckRecord,
  type StoredEvent,
} from '@waymark/shared';
import type { Database } from '../../db/open-database';
import { devices, filterChecks, schools } from '../../db/schema';
import type { DeviceService } from '../devices-and-enrollment';
import type { EventService } from '../events';
import type { FilterCheckService } from './check-service';

const DAY_MS = 24 * 60 * 60 * 1000;

/** `count` of `items`, chosen at random (a fresh sample each time, so every device is checked in turn). */
function sample<T>(items: readonly T[], count: number): T[] {
  const pool = [...items];
  for (let i = pool.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return pool.slice(0, count);
}

/**
 * The scheduled filtering check: for each school whose last scheduled check is older than its
 * interval (weekly by default), in school hours, the same check on a sample of its online devices.
 * A device that allows what its policy blocks raises a `tamper` event (`filter-check`), which the
 * alerts feature turns into an alert for the DSL like any tamper. Runs under a job lease.
 */
export function createScheduledFilterCheck(deps: {
  db: Database;
  checks: FilterCheckService;
  deviceService: Pick<DeviceService, 'identityOf'>;
  eventService: Pick<EventService, 'store'>;
  broadcast: (event: StoredEvent) => void;
}) {
  const { db } = deps;

  async function raise(check: FilterCheckRecord, now: Date): Promise<StoredEvent[]> {
    const raised: StoredEvent[] = [];
    for (const device of check.devices) {
      const failing = device.results.filter((r) => r.outcome === 'fail');
      if (failing.length === 0) continue;
      const identity = await deps.deviceService.identityOf(device.deviceId);
      const [row] = await db
        .select({ ip: devices.lastIp })
        .from(devices)
        .where(eq(devices.id, device.deviceId));
      const categories = [...new Set(failing.map((r) => r.category))].join(', ');
      const event: DeviceEvent = {
        id: uuidv7(),
        kind: 'tamper',
        what: 'filter-check',
        detail:
          `scheduled filtering check: the device allows ${failing.length} test address` +
          `${failing.length === 1 ? '' : 'es'} its policy blocks (${categories}); it holds policy ` +
          `version ${device.policyVersion ?? '?'}, the school’s is ${device.serverPolicyVersion ?? '?'}`,
        url: null,
        occurredAt: now.toISOString(),
        profile: identity.profile,
        policyVersion: device.policyVersion ?? 0,
      };
      const { event: stored, created } = await deps.eventService.store(event, identity, row?.ip ?? null);
      if (created) {
        deps.broadcast(stored);
        raised.push(stored);
      }
    }
    return raised;
  }

  return async function runScheduledChecks(
    now = new Date(),
  ): Promise<Array<{ check: FilterCheckRecord; raised: StoredEvent[] }>> {
    const done: Array<{ check: FilterCheckRecord; raised: StoredEvent[] }> = [];
    for (const school of await db.select().from(schools)) {
      if (school.filterCheckEveryDays <= 0) continue;
      const { weekday, minutes } = localTime(now, school.timeZone);
      if (weekday > 5 || minutes < toMinutes(school.dayStart) || minutes >= toMinutes(school.dayEnd))
        continue;
      const [last] = await db
        .select({ at: filterChecks.startedAt })
        .from(filterChecks)
        .where(and(eq(filterChecks.schoolId, school.id), eq(filterChecks.scheduled, true)))
        .orderBy(desc(filterChecks.startedAt))
        .limit(1);
      if (last && now.getTime() - last.at.getTime() < school.filterCheckEveryDays * DAY_MS) continue;
      const online = await db
        .select({ id: devices.id })
        .from(devices)
        .where(and(eq(devices.schoolId, school.id), eq(devices.online, true)));
      // Nobody online yet: tried again at the next run, later in the day.
      if (online.length === 0) continue;
      const chosen = sample(
        online.map((d) => d.id),
        school.filterCheckSampleSize,
      );
      const check = await deps.checks.run(school.id, { kind: 'devices', deviceIds: chosen }, null, {
        scheduled: true,
        label: `scheduled: a sample of ${chosen.length} online device${chosen.length === 1 ? '' : 's'}`,
        now,
      });
      done.push({ check, raised: await raise(check, now) });
    }
    return done;
  };
}
