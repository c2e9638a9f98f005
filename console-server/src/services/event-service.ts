import { and, desc, eq } from 'drizzle-orm';
import {
  can,
  isIllegalCategory,
  keywordFlagger,
  STARTER_KEYWORDS,
  type Category,
  type DeviceEvent,
  type Role,
  type Severity,
  type StoredEvent,
} from '@waymark/shared';
import type { Database } from '../db/open-database';
import { events, unblockRequests } from '../db/schema';
import type { DeviceIdentity } from './device-service';

const HIGH_RISK: ReadonlySet<Category> = new Set<Category>([
  'illegal-csam',
  'illegal-terrorism',
  'illegal-hate',
  'extremism',
  'self-harm',
  'pornography',
  'proxy-vpn',
  'violence',
]);

export function severityOf(event: DeviceEvent): Severity {
  switch (event.kind) {
    case 'concern':
    case 'tamper':
      return 'high';
    case 'blocked':
      return event.category && HIGH_RISK.has(event.category) ? 'high' : event.category ? 'medium' : 'low';
    case 'search':
      return event.flags.length > 0 ? 'high' : 'low';
    case 'unblock-request':
      return 'medium';
    case 'heartbeat':
      return 'low';
  }
}

type EventRow = typeof events.$inferSelect;

function toStored(row: EventRow, requestStatus: string | null = null): StoredEvent {
  return {
    id: row.id,
    schoolId: row.schoolId,
    kind: row.kind as StoredEvent['kind'],
    severity: row.severity as Severity,
    occurredAt: row.occurredAt.toISOString(),
    receivedAt: row.receivedAt.toISOString(),
    deviceId: row.deviceId,
    deviceName: row.deviceName,
    user: row.user,
    pupilName: row.pupilName,
    ip: row.ip,
    classId: row.classId,
    className: row.className,
    profile: row.profile as StoredEvent['profile'],
    url: row.url,
    urlHidden: false,
    category: row.category as Category | null,
    rule: row.rule,
    details: row.details,
    requestStatus:
      row.kind === 'unblock-request' ? ((requestStatus ?? 'pending') as StoredEvent['requestStatus']) : null,
  };
}

/** DESIGN.md: illegal-category URLs are stored but shown only to the DSL. */
export function redactFor(role: Role, event: StoredEvent): StoredEvent {
  if (!isIllegalCategory(event.category) || can(role, 'see-illegal-urls')) return event;
  return { ...event, url: null, urlHidden: true, details: {} };
}

const starterFlagger = keywordFlagger(STARTER_KEYWORDS);

export function createEventService({
  db,
  flagSearch = async (_schoolId, query) => starterFlagger(query),
}: {
  db: Database;
  /** Flags search queries by category with the school's keyword lists (starter lists by default). */
  flagSearch?: (schoolId: string, query: string) => Promise<Category[]>;
}) {
  /** Flags are decided here, from the school's lists, whatever the device sent. */
  async function withServerFlags(event: DeviceEvent, schoolId: string): Promise<DeviceEvent> {
    if (event.kind !== 'search') return event;
    return { ...event, flags: [...new Set([...event.flags, ...(await flagSearch(schoolId, event.query))])] };
  }

  return {
    /**
     * Stores a device's event with the DfE monitoring fields. Idempotent on the client's id: a
     * re-sent event returns the stored copy and `created: false`, so it is not broadcast twice.
     */
    async store(
      reported: DeviceEvent,
      device: DeviceIdentity,
      ip: string | null,
    ): Promise<{ event: StoredEvent; created: boolean }> {
      const event = await withServerFlags(reported, device.schoolId);
      const { id, kind, occurredAt, profile, ...rest } = event;
      const url = 'url' in rest ? (rest.url ?? null) : null;
      const category = 'category' in rest ? rest.category : null;
      const rule = 'rule' in rest ? rest.rule : null;
      const details: Record<string, unknown> = { ...rest };
      delete details.url;
      delete details.category;
      delete details.rule;
      const inserted = await db
        .insert(events)
        .values({
          id,
          schoolId: device.schoolId,
          kind,
          severity: severityOf(event),
          occurredAt: new Date(occurredAt),
          deviceId: device.deviceId,
          deviceName: device.deviceName,
          user: device.user,
          pupilName: device.pupilName,
          ip,
          classId: device.classId,
          className: device.className,
          profile,
          url,
          category,
          rule,
          details,
        })
        .onConflictDoNothing({ target: events.id })
        .returning();
      if (inserted[0]) return { event: toStored(inserted[0]), created: true };
      const [existing] = await db.select().from(events).where(eq(events.id, id));
      return { event: toStored(existing!), created: false };
    },

    async recentForClass(schoolId: string, classId: string, limit = 200): Promise<StoredEvent[]> {
      const rows = await db
        .select({ event: events, requestStatus: unblockRequests.status })
        .from(events)
        .leftJoin(unblockRequests, eq(unblockRequests.eventId, events.id))
        .where(and(eq(events.schoolId, schoolId), eq(events.classId, classId)))
        .orderBy(desc(events.occurredAt))
        .limit(limit);
      return rows.map((r) => toStored(r.event, r.requestStatus));
    },

    async byId(id: string): Promise<StoredEvent | null> {
      const [row] = await db
        .select({ event: events, requestStatus: unblockRequests.status })
        .from(events)
        .leftJoin(unblockRequests, eq(unblockRequests.eventId, events.id))
        .where(eq(events.id, id));
      return row ? toStored(row.event, row.requestStatus) : null;
    },
  };
}
export type EventService = ReturnType<typeof createEventService>;
