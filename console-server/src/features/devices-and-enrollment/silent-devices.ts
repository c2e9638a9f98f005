import { and, eq, gte, lt } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { localTime, toMinutes, type DeviceEvent, type StoredEvent } from '@waymark/shared';
import type { Database } from '../../db/open-database';
import { devices, events, schools } from '../../db/schema';
import type { DeviceService } from './device-service';
import type { EventService } from '../events';

/**
 * Devices that were in use today during school hours and have gone silent for longer than the
 * school allows raise a `tamper` event (once per silence): an extension removed, a proxy, a VPN.
 */
export function createSilentDeviceCheck(deps: {
  db: Database;
  deviceService: DeviceService;
  eventService: EventService;
  broadcast: (event: StoredEvent) => void;
}) {
  const { db } = deps;
  return async function checkSilentDevices(now = new Date()): Promise<StoredEvent[]> {
    const raised: StoredEvent[] = [];
    for (const school of await db.select().from(schools)) {
      const { weekday, minutes } = localTime(now, school.timeZone);
      const start = toMinutes(school.dayStart);
      if (weekday > 5 || minutes < start || minutes >= toMinutes(school.dayEnd)) continue;
      const dayStarted = new Date(now.getTime() - (minutes - start) * 60_000);
      const silentSince = new Date(now.getTime() - school.silentAfterMinutes * 60_000);
      const silent = await db
        .select()
        .from(devices)
        .where(
          and(
            eq(devices.schoolId, school.id),
            eq(devices.online, false),
            gte(devices.lastSeenAt, dayStarted),
            lt(devices.lastSeenAt, silentSince),
          ),
        );
      for (const device of silent) {
        const already = await db
          .select({ id: events.id })
          .from(events)
          .where(
            and(
              eq(events.deviceId, device.id),
              eq(events.kind, 'tamper'),
              gte(events.occurredAt, device.lastSeenAt!),
            ),
          )
          .limit(1);
        if (already.some(Boolean)) continue;
        const identity = await deps.deviceService.identityOf(device.id);
        const lastSeen = device.lastSeenAt!.toLocaleTimeString('en-GB', {
          timeZone: school.timeZone,
          hour: '2-digit',
          minute: '2-digit',
        });
        const event: DeviceEvent = {
          id: uuidv7(),
          kind: 'tamper',
          what: 'silent',
          detail: `not heard from since ${lastSeen}, during school hours`,
          url: null,
          occurredAt: now.toISOString(),
          profile: identity.profile,
          policyVersion: device.policyVersion ?? 0,
        };
        const { event: stored, created } = await deps.eventService.store(event, identity, device.lastIp);
        if (created) {
          deps.broadcast(stored);
          raised.push(stored);
        }
      }
    }
    return raised;
  };
}
