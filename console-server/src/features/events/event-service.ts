import { and, desc, eq, getTableColumns, gte, inArray, isNull } from 'drizzle-orm';
import {
  can,
  createDetector,
  eventMatches,
  isIllegalCategory,
  riskRank,
  type Category,
  type Detection,
  type DeviceEvent,
  type Profile,
  type Role,
  type Severity,
  type StoredEvent,
} from '@waymark/shared';
import { createGroupCommit } from '../../db/group-commit';
import type { Database } from '../../db/open-database';
import { concurrentWrites, rawQuery } from '../../db/raw-query';
import { events, unblockRequests } from '../../db/schema';
import type { DeviceIdentity } from '../devices-and-enrollment';

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

function severityOf(event: DeviceEvent): Severity {
  switch (event.kind) {
    case 'concern':
    case 'tamper':
      return 'high';
    case 'blocked':
      return event.category && HIGH_RISK.has(event.category) ? 'high' : event.category ? 'medium' : 'low';
    case 'search':
    case 'flagged-title': {
      // The risk of the most serious phrase the server matched; a category only the device
      // flagged (a list this server no longer has) is worth a look, not an alert.
      const risks = event.matches.map((m) => m.risk).sort((a, b) => riskRank(b) - riskRank(a));
      return risks[0] ?? (event.flags.length > 0 ? 'medium' : 'low');
    }
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
    kind: row.kind,
    severity: row.severity,
    occurredAt: row.occurredAt.toISOString(),
    receivedAt: row.receivedAt.toISOString(),
    deviceId: row.deviceId,
    deviceName: row.deviceName,
    user: row.user,
    pupilName: row.pupilName,
    ip: row.ip,
    classId: row.classId,
    className: row.className,
    profile: row.profile,
    url: row.url,
    urlHidden: false,
    category: row.category,
    rule: row.rule,
    details: row.details,
    requestStatus:
      row.kind === 'unblock-request' ? ((requestStatus ?? 'pending') as StoredEvent['requestStatus']) : null,
  };
}

/**
 * An illegal-category event as everyone but the DSL sees it: no address, no details, and a rule
 * that names the category only (the device's rule quotes the listed filter, the address itself).
 */
export function redacted(event: StoredEvent): StoredEvent {
  if (!isIllegalCategory(event.category)) return event;
  return {
    ...event,
    url: null,
    urlHidden: true,
    rule: event.rule === null ? null : `category ${event.category}`,
    details: {},
  };
}

/** docs/architecture.md, "Events": illegal-category URLs are stored but shown only to the DSL. */
export function redactFor(role: Role, event: StoredEvent): StoredEvent {
  return can(role, 'see-illegal-urls') ? event : redacted(event);
}

let libraryDetector: ReturnType<typeof createDetector> | null = null;
const libraryOnly = (query: string) => (libraryDetector ??= createDetector()).match(query);

type NewRow = Omit<EventRow, 'receivedAt'>;

/** How far ahead of the server's clock a device's may be before its times are not believed. */
const MAX_CLOCK_SKEW_MS = 5 * 60_000;

/** Columns of a stored event, as the ingest writes them. */
const INSERTED = [
  'id',
  'schoolId',
  'kind',
  'severity',
  'occurredAt',
  'deviceId',
  'deviceName',
  'user',
  'pupilName',
  'ip',
  'classId',
  'className',
  'profile',
  'url',
  'category',
  'rule',
  'details',
  'receivedAt',
] as const satisfies ReadonlyArray<keyof EventRow>;
const COLUMN_NAMES = INSERTED.map((key) => `"${getTableColumns(events)[key].name}"`).join(', ');

/** The statement for a batch of `n` events, made once per batch size. */
const statements = new Map<number, string>();
function insertStatement(n: number): string {
  let statement = statements.get(n);
  if (!statement) {
    const row = (r: number) => `(${INSERTED.map((_, c) => `$${r * INSERTED.length + c + 1}`).join(', ')})`;
    const values = Array.from({ length: n }, (_, r) => row(r)).join(', ');
    statement = `insert into "events" (${COLUMN_NAMES}) values ${values} on conflict ("id") do nothing`;
    statements.set(n, statement);
  }
  return statement;
}

const insertParams = (row: EventRow): unknown[] =>
  INSERTED.map((key) => (key === 'details' ? JSON.stringify(row.details) : row[key]));

interface Ingest {
  event: DeviceEvent;
  device: DeviceIdentity;
  ip: string | null;
  /** Events of this device folded past its rate, counted into this one (`details.folded`). */
  folded: number;
}
type Stored = { event: StoredEvent; created: boolean };

export function createEventService({
  db,
  flagSearch = async (_schoolId, query) => libraryOnly(query),
  illegalCategoryFor = async () => null,
  maxBatch = 500,
}: {
  db: Database;
  /**
   * The illegal category the school's lists put an address in, for unblock requests: a device
   * that calls an illegal site uncategorised must not get its address shown to the teacher.
   */
  illegalCategoryFor?: (schoolId: string, profile: Profile, url: string) => Promise<Category | null>;
  /** Matches search queries against the phrase library and the school's own phrases (the library alone by default). */
  flagSearch?: (schoolId: string, query: string) => Promise<Detection>;
  /** Most events written in one transaction. */
  maxBatch?: number;
}) {
  const query = rawQuery(db);

  /** Matches are decided here, from the library and the school's phrases, whatever the device sent. */
  async function withServerFlags(event: DeviceEvent, schoolId: string): Promise<DeviceEvent> {
    if (event.kind !== 'search' && event.kind !== 'flagged-title') return event;
    const detection = await flagSearch(schoolId, event.kind === 'search' ? event.query : event.title);
    // The device's flags stay (a school phrase this process has not read yet); the server's matches decide the severity.
    return {
      ...event,
      flags: [...new Set<Category>([...detection.categories, ...event.flags])],
      matches: eventMatches(detection),
    };
  }

  /** The row a device's event is stored as, with the DfE monitoring fields from the device's identity. */
  async function rowFor({ event: reported, device, ip, folded }: Ingest): Promise<NewRow> {
    let event = await withServerFlags(reported, device.schoolId);
    if (event.kind === 'unblock-request' && !isIllegalCategory(event.category)) {
      const illegal = await illegalCategoryFor(device.schoolId, event.profile, event.url);
      if (illegal) event = { ...event, category: illegal };
    }
    const { id, kind, occurredAt, profile, ...rest } = event;
    const details: Record<string, unknown> = { ...rest };
    if (folded > 0) details.folded = folded;
    // A device clock far ahead (or a forged time) would pin the event to the top of the class's
    // feed: past a few minutes of skew it is stored as received, with the device's time kept aside.
    const now = Date.now();
    let when = new Date(occurredAt);
    if (when.getTime() > now + MAX_CLOCK_SKEW_MS) {
      details.deviceTime = occurredAt;
      when = new Date(now);
    }
    delete details.url;
    delete details.category;
    delete details.rule;
    return {
      id,
      schoolId: device.schoolId,
      kind,
      severity: severityOf(event),
      occurredAt: when,
      deviceId: device.deviceId,
      deviceName: device.deviceName,
      user: device.user,
      pupilName: device.pupilName,
      ip,
      classId: device.classId,
      className: device.className,
      profile,
      url: 'url' in rest ? (rest.url ?? null) : null,
      category: 'category' in rest ? rest.category : null,
      rule: 'rule' in rest ? rest.rule : null,
      details,
    };
  }

  /**
   * One burst of events, one INSERT (one transaction, one commit). A re-sent event is found by its
   * id first (an index probe, almost always finding nothing) and answered with the stored copy;
   * the same id twice in one burst is created once. No RETURNING: parsing a row back per event
   * cost more than the insert (the profile in the README).
   */
  async function writeBatch(batch: Ingest[]): Promise<Stored[]> {
    const rows = await Promise.all(batch.map(rowFor));
    const ids = [...new Set(rows.map((r) => r.id))];
    const stored = new Map<string, EventRow>();
    const { rows: known } = await query<{ id: string }>(
      'select "id" from "events" where "id" = any($1::uuid[])',
      [ids],
    );
    if (known.length > 0) {
      const existing = await db
        .select()
        .from(events)
        .where(
          inArray(
            events.id,
            known.map((k) => k.id),
          ),
        );
      for (const row of existing) stored.set(row.id, row);
    }
    const receivedAt = new Date();
    const fresh = [...new Map(rows.filter((r) => !stored.has(r.id)).map((r) => [r.id, r])).values()].map(
      (r): EventRow => ({ ...r, receivedAt }),
    );
    const created = new Set<string>();
    if (fresh.length > 0) {
      const { affected } = await query(insertStatement(fresh.length), fresh.flatMap(insertParams));
      if (affected === fresh.length) {
        for (const row of fresh) {
          stored.set(row.id, row);
          created.add(row.id);
        }
      } else {
        // Another process stored some of them between the probe and the insert: ours are the rows
        // with this batch's time.
        const now = await db
          .select()
          .from(events)
          .where(
            inArray(
              events.id,
              fresh.map((r) => r.id),
            ),
          );
        for (const row of now) {
          stored.set(row.id, row);
          if (row.receivedAt.getTime() === receivedAt.getTime()) created.add(row.id);
        }
      }
    }
    return rows.map((r) => {
      const row = stored.get(r.id);
      if (!row) throw new Error(`event ${r.id} was neither stored nor found`);
      return { event: toStored(row), created: created.delete(r.id) };
    });
  }

  const ingest = createGroupCommit<Ingest, Stored>({ writeBatch, maxBatch, lanes: concurrentWrites(db) });

  return {
    /**
     * Stores a device's event with the DfE monitoring fields, in the next group commit; resolves
     * after that commit. Idempotent on the client's id: a re-sent event returns the stored copy and
     * `created: false`, so it is not broadcast twice. `folded`: how many more events of the device
     * this one stands for (sent past its rate).
     */
    store(event: DeviceEvent, device: DeviceIdentity, ip: string | null, folded = 0): Promise<Stored> {
      return ingest.write({ event, device, ip, folded });
    },

    /** Waits until every event handed to `store` so far is committed (graceful shutdown). */
    drain: () => ingest.drain(),

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

    /** A pupil's events since a time, newest first: `pupilKey` is their e-mail, or `device:<id>` for a device with nobody signed in. */
    async forPupil(schoolId: string, pupilKey: string, since: Date, limit = 50): Promise<StoredEvent[]> {
      const who = pupilKey.startsWith('device:')
        ? and(eq(events.deviceId, pupilKey.slice('device:'.length)), isNull(events.user))
        : eq(events.user, pupilKey);
      const rows = await db
        .select({ event: events, requestStatus: unblockRequests.status })
        .from(events)
        .leftJoin(unblockRequests, eq(unblockRequests.eventId, events.id))
        .where(and(eq(events.schoolId, schoolId), who, gte(events.occurredAt, since)))
        .orderBy(desc(events.occurredAt))
        .limit(limit);
      return rows.map((r) => toStored(r.event, r.requestStatus));
    },

    /** The school's events with these ids, newest first. */
    async byIds(schoolId: string, ids: readonly string[]): Promise<StoredEvent[]> {
      if (ids.length === 0) return [];
      const rows = await db
        .select({ event: events, requestStatus: unblockRequests.status })
        .from(events)
        .leftJoin(unblockRequests, eq(unblockRequests.eventId, events.id))
        .where(and(eq(events.schoolId, schoolId), inArray(events.id, [...ids])))
        .orderBy(desc(events.occurredAt));
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
