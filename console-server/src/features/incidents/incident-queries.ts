import { and, asc, desc, eq, inArray, isNull, ne, or, sql } from 'drizzle-orm';
import {
  can,
  type IncidentDirectory,
  type IncidentListQuery,
  type IncidentRecord,
  type Staff,
  type StoredEvent,
} from '@waymark/shared';
import type { Database } from '../../db/open-database';
import { schoolTimeZone } from '../../db/school-time-zone';
import {
  classes,
  groupMembers,
  incidentEvents,
  incidentHistory,
  incidents,
  pupils,
  staff,
} from '../../db/schema';
import { DomainError } from '../../errors/domain-error';
import { redactFor, type EventService } from '../events';
import type { StaffService } from '../auth-and-accounts';

export type IncidentRow = typeof incidents.$inferSelect;

/** Reading the incident log: what each member of staff may see of it, with names beside the ids. */
export function createIncidentQueries(deps: {
  db: Database;
  eventService: EventService;
  staffService: StaffService;
}) {
  const { db } = deps;

  /** The classes whose incidents a non-DSL may see (their own), or null for the DSL (all of them). */
  async function visibleClasses(who: Staff): Promise<Set<string> | null> {
    if (can(who.role, 'work-incident-log')) return null;
    if (!can(who.role, 'watch-own-classes')) return new Set();
    return new Set((await deps.staffService.watchableClasses(who)).map((c) => c.id));
  }

  /** Who may see an incident: the DSL all of the school's; others those they raised or of their classes. */
  function visibleTo(who: Staff, row: IncidentRow, classIds: Set<string> | null): boolean {
    if (row.schoolId !== who.schoolId) return false;
    if (classIds === null || row.createdBy === who.id) return true;
    return row.classId !== null && classIds.has(row.classId);
  }

  const visible = async (who: Staff, row: IncidentRow) => visibleTo(who, row, await visibleClasses(who));

  /** The record as the console reads it: ids with the names of the staff and class beside them. */
  async function withNames(rows: IncidentRow[]): Promise<IncidentRecord[]> {
    const staffIds = [...new Set(rows.flatMap((r) => [r.ownerId, r.countersignedBy, r.createdBy]))].filter(
      (id): id is string => id !== null,
    );
    const classIds = [...new Set(rows.map((r) => r.classId))].filter((id): id is string => id !== null);
    const staffNames = new Map(
      staffIds.length === 0
        ? []
        : (
            await db.select({ id: staff.id, name: staff.name }).from(staff).where(inArray(staff.id, staffIds))
          ).map((s) => [s.id, s.name]),
    );
    const classNames = new Map(
      classIds.length === 0
        ? []
        : (
            await db
              .select({ id: classes.id, name: classes.name })
              .from(classes)
              .where(inArray(classes.id, classIds))
          ).map((c) => [c.id, c.name]),
    );
    const name = (map: Map<string, string>, id: string | null) =>
      id === null ? null : (map.get(id) ?? null);
    return rows.map((r) => ({
      ...r,
      occurredAt: r.occurredAt.toISOString(),
      createdAt: r.createdAt.toISOString(),
      className: name(classNames, r.classId),
      ownerName: name(staffNames, r.ownerId),
      countersignedByName: name(staffNames, r.countersignedBy),
      createdByName: name(staffNames, r.createdBy),
    }));
  }

  async function load(who: Staff, id: string): Promise<IncidentRow> {
    const [row] = await db.select().from(incidents).where(eq(incidents.id, id));
    // Same answer for "no such incident" and "not yours": ids cannot be probed.
    if (!row || !(await visible(who, row))) throw new DomainError('not-found', 'no such incident');
    return row;
  }

  return {
    load,
    async list(who: Staff, filter: Partial<IncidentListQuery> = {}): Promise<IncidentRecord[]> {
      const timeZone = await schoolTimeZone(db, who.schoolId);
      const localDay = sql`(${incidents.occurredAt} at time zone ${timeZone})::date`;
      const like = filter.q ? `%${filter.q.replace(/[\\%_]/g, '\\$&')}%` : '';
      const rows = await db
        .select()
        .from(incidents)
        .where(
          and(
            eq(incidents.schoolId, who.schoolId),
            filter.status ? eq(incidents.status, filter.status) : undefined,
            filter.category ? eq(incidents.category, filter.category) : undefined,
            filter.severity ? eq(incidents.severity, filter.severity) : undefined,
            filter.owner === 'none'
              ? isNull(incidents.ownerId)
              : filter.owner
                ? eq(incidents.ownerId, filter.owner)
                : undefined,
            filter.from ? sql`${localDay} >= ${filter.from}::date` : undefined,
            filter.to ? sql`${localDay} <= ${filter.to}::date` : undefined,
            filter.followUpDue
              ? and(
                  ne(incidents.status, 'closed'),
                  sql`${incidents.followUpDate}::date <= (now() at time zone ${timeZone})::date`,
                )
              : undefined,
            filter.q
              ? or(
                  sql`${incidents.description} ilike ${like}`,
                  sql`${incidents.personName} ilike ${like}`,
                  sql`${incidents.pupilEmail} ilike ${like}`,
                  sql`${incidents.reference} ilike ${like}`,
                  sql`${incidents.outcome} ilike ${like}`,
                )
              : undefined,
          ),
        )
        .orderBy(desc(incidents.createdAt));
      const classIds = await visibleClasses(who);
      return withNames(rows.filter((row) => visibleTo(who, row, classIds)));
    },

    /** Pupils the viewer may raise an incident about, and the staff who can own one. */
    async directory(who: Staff): Promise<IncidentDirectory> {
      const classIds = (await deps.staffService.watchableClasses(who)).map((c) => c.id);
      const pupilRows =
        classIds.length === 0
          ? []
          : await db
              .select({
                email: pupils.email,
                name: pupils.name,
                classId: pupils.classId,
                className: classes.name,
              })
              .from(pupils)
              .innerJoin(classes, eq(classes.id, pupils.classId))
              .where(
                and(
                  eq(pupils.schoolId, who.schoolId),
                  // Those who left are not pupils to raise a new incident about (theirs stay).
                  isNull(pupils.archivedAt),
                  // Their home group, or a teaching group of the viewer's (a secondary teacher's sets).
                  or(
                    inArray(pupils.classId, classIds),
                    inArray(
                      pupils.id,
                      db
                        .select({ id: groupMembers.pupilId })
                        .from(groupMembers)
                        .where(inArray(groupMembers.classId, classIds)),
                    ),
                  ),
                ),
              )
              .orderBy(classes.name, pupils.name);
      const staffRows = await db
        .select({ id: staff.id, name: staff.name, role: staff.role })
        .from(staff)
        .where(eq(staff.schoolId, who.schoolId))
        .orderBy(staff.name);
      return {
        pupils: pupilRows,
        staff: staffRows.filter((s) => can(s.role, 'raise-incident') || can(s.role, 'work-incident-log')),
      };
    },

    async get(who: Staff, id: string) {
      const row = await load(who, id);
      const history = await db
        .select({
          at: incidentHistory.at,
          actorName: incidentHistory.actorName,
          change: incidentHistory.change,
        })
        .from(incidentHistory)
        .where(eq(incidentHistory.incidentId, id))
        .orderBy(asc(incidentHistory.id));
      const links = await db.select().from(incidentEvents).where(eq(incidentEvents.incidentId, id));
      const evidence = (await Promise.all(links.map((l) => deps.eventService.byId(l.eventId))))
        .filter((e): e is StoredEvent => e !== null)
        .map((e) => redactFor(who.role, e));
      const mentioned = new Set<string>();
      for (const { change } of history) {
        for (const key of ['ownerId', 'countersignedBy'] as const) {
          const value = (change as Record<string, unknown>)[key];
          if (typeof value === 'string') mentioned.add(value);
        }
      }
      const staffNames = Object.fromEntries(
        mentioned.size === 0
          ? []
          : (
              await db
                .select({ id: staff.id, name: staff.name })
                .from(staff)
                .where(and(eq(staff.schoolId, who.schoolId), inArray(staff.id, [...mentioned])))
            ).map((s) => [s.id, s.name]),
      );
      const [incident] = await withNames([row]);
      return { incident: incident!, history, evidence, staffNames };
    },

    async byIds(ids: string[]) {
      return ids.length === 0 ? [] : db.select().from(incidents).where(inArray(incidents.id, ids));
    },
  };
}
export type IncidentQueries = ReturnType<typeof createIncidentQueries>;
