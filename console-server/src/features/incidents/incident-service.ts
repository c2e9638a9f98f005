import { and, asc, desc, eq, inArray, isNull, lt, ne, or, sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import {
  can,
  incidentPrefill,
  isIllegalCategory,
  type IncidentChangeBody,
  type IncidentDirectory,
  type IncidentListQuery,
  type IncidentRecord,
  type RaiseFromEventsBody,
  type RaiseIncidentBody,
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
import { checkpointOf } from './chain-checkpoint';
import {
  CHAIN_VERSION,
  contentDigest,
  entryHashV2,
  GENESIS,
  type EntryFacts,
  type Tombstone,
} from './hash-chain';
import { applyChange, twoPersonProblem, type IncidentState } from './incident-state';

type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];
type IncidentRow = typeof incidents.$inferSelect;

function describeEvent(e: StoredEvent, timeZone: string): string {
  const who = e.pupilName ?? e.user ?? `the pupil using ${e.deviceName}`;
  const when = new Date(e.occurredAt).toLocaleString('en-GB', { timeZone });
  // Illegal-category addresses never go into the description: they stay with the (hidden) evidence.
  const where = isIllegalCategory(e.category) ? 'a site in an illegal category' : (e.url ?? 'a page');
  switch (e.kind) {
    case 'blocked':
      return `${who} tried to open ${where} on ${e.deviceName} at ${when}.`;
    case 'search':
      return `${who} searched for "${String(e.details.query ?? '')}" on ${e.deviceName} at ${when}.`;
    case 'flagged-title':
      return `${who} opened a ${e.details.source === 'video' ? 'video' : 'page'} titled "${String(e.details.title ?? '')}" on ${e.deviceName} at ${when}.`;
    case 'unblock-request':
      // The pupil's reason may name the address too.
      return isIllegalCategory(e.category)
        ? `${who} asked for ${where} to be unblocked at ${when}.`
        : `${who} asked for ${where} to be unblocked at ${when}: "${String(e.details.reason ?? '')}".`;
    case 'concern':
      return `${who} asked for help on ${e.deviceName} at ${when}: "${String(e.details.message ?? '')}".`;
    case 'tamper':
      return `Possible circumvention on ${e.deviceName} at ${when}: ${String(e.details.detail ?? e.details.what ?? '')}.`;
    case 'heartbeat':
      return `Device ${e.deviceName} reported at ${when}.`;
  }
}

export function createIncidentService(deps: {
  db: Database;
  eventService: EventService;
  staffService: StaffService;
}) {
  const { db } = deps;

  /**
   * Appends a history entry (chain 2) to the school's chain and returns it; callers hold the
   * school's lock. The first chain-2 entry after chain-1 ones is preceded by a checkpoint.
   */
  async function append(
    tx: Tx,
    schoolId: string,
    incidentId: string | null,
    who: Pick<Staff, 'id' | 'name'>,
    change: Record<string, unknown>,
    facts: EntryFacts,
    at = new Date(),
  ) {
    const [last] = await tx
      .select({ hash: incidentHistory.hash, version: incidentHistory.version })
      .from(incidentHistory)
      .where(eq(incidentHistory.schoolId, schoolId))
      .orderBy(desc(incidentHistory.id))
      .limit(1);
    let prevHash = last?.hash ?? GENESIS;
    if (last && last.version < CHAIN_VERSION) {
      const rows = await tx
        .select()
        .from(incidentHistory)
        .where(eq(incidentHistory.schoolId, schoolId))
        .orderBy(asc(incidentHistory.id));
      prevHash = await insertEntry(tx, schoolId, prevHash, {
        incidentId: null,
        at,
        actorId: 'waymark',
        actorName: 'Waymark (chain version 2)',
        change: { type: 'checkpoint', incidents: checkpointOf(rows) },
        facts: { type: 'checkpoint' },
      });
    }
    await insertEntry(tx, schoolId, prevHash, {
      incidentId,
      at,
      actorId: who.id,
      actorName: who.name,
      change,
      facts,
    });
  }

  async function insertEntry(
    tx: Tx,
    schoolId: string,
    prevHash: string,
    entry: {
      incidentId: string | null;
      at: Date;
      actorId: string;
      actorName: string;
      change: Record<string, unknown>;
      facts: EntryFacts;
    },
  ): Promise<string> {
    const hash = entryHashV2(prevHash, { schoolId, ...entry });
    await tx.insert(incidentHistory).values({
      schoolId,
      ...entry,
      facts: entry.facts as unknown as Record<string, unknown>,
      version: CHAIN_VERSION,
      prevHash,
      hash,
    });
    return hash;
  }

  /** One writer per school's chain at a time, across processes too. */
  const lockChain = (tx: Tx, schoolId: string) =>
    tx.execute(sql`select pg_advisory_xact_lock(hashtext(${schoolId}))`);

  async function create(who: Staff, state: Omit<IncidentState, 'notes'>): Promise<string> {
    const id = uuidv7();
    await db.transaction(async (tx) => {
      await lockChain(tx, who.schoolId);
      const year = new Date().getFullYear();
      const [{ count }] = (await tx
        .select({ count: sql<number>`count(*)::int` })
        .from(incidents)
        .where(
          and(eq(incidents.schoolId, who.schoolId), sql`${incidents.reference} like ${`INC-${year}-%`}`),
        )) as [{ count: number }];
      const reference = `INC-${year}-${String(count + 1).padStart(4, '0')}`;
      const at = new Date();
      await tx.insert(incidents).values({
        id,
        schoolId: who.schoolId,
        reference,
        ...state,
        occurredAt: new Date(state.occurredAt),
        createdBy: who.id,
        createdAt: at,
      });
      if (state.evidence.length > 0) {
        await tx
          .insert(incidentEvents)
          .values(state.evidence.map((eventId) => ({ incidentId: id, eventId })));
      }
      // Every stored field is in the chain: the raiser and the time are the entry's actor and time.
      await append(
        tx,
        who.schoolId,
        id,
        who,
        { type: 'created', state: { ...state, reference, notes: [] } },
        { type: 'created', status: state.status },
        at,
      );
    });
    return id;
  }

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
    async raiseFromEvents(who: Staff, body: RaiseFromEventsBody): Promise<string> {
      const found = await Promise.all(body.eventIds.map((id) => deps.eventService.byId(id)));
      const events: StoredEvent[] = [];
      for (const e of found) {
        const allowed =
          e !== null &&
          e.schoolId === who.schoolId &&
          (can(who.role, 'watch-all-classes') ||
            (e.classId !== null && (await deps.staffService.canWatchClass(who, e.classId))) ||
            (can(who.role, 'manage-devices') && e.kind === 'tamper'));
        if (!allowed)
          throw new DomainError(
            'not-found',
            'one or more of those events do not exist or are not yours to see',
          );
        events.push(e);
      }
      const timeZone = await schoolTimeZone(db, who.schoolId);
      const first = [...events].sort((a, b) => a.occurredAt.localeCompare(b.occurredAt))[0]!;
      const suggested = incidentPrefill(events);
      return create(who, {
        subject: 'pupil',
        pupilEmail: first.user,
        personName: first.pupilName ?? (first.user ? null : `Pupil using ${first.deviceName}`),
        classId: first.classId,
        deviceId: first.deviceId,
        category: body.category ?? suggested.category,
        severity: body.severity ?? suggested.severity,
        status: 'open',
        description: body.description || events.map((e) => describeEvent(e, timeZone)).join('\n'),
        actions: [],
        outcome: null,
        ownerId: null,
        followUpDate: null,
        illegal: events.some((e) => isIllegalCategory(e.category)),
        countersignedBy: null,
        occurredAt: first.occurredAt,
        evidence: events.map((e) => e.id),
      });
    },

    async raise(who: Staff, body: RaiseIncidentBody): Promise<string> {
      let classId: string | null = null;
      let personName = body.personName ?? null;
      if (body.pupilEmail) {
        const [pupil] = await db
          .select()
          .from(pupils)
          .where(and(eq(pupils.email, body.pupilEmail.toLowerCase()), eq(pupils.schoolId, who.schoolId)));
        if (!pupil)
          throw new DomainError('invalid', `no pupil with the e-mail ${body.pupilEmail} in this school`);
        classId = pupil.classId;
        personName ??= pupil.name;
      }
      return create(who, {
        subject: body.subject,
        pupilEmail: body.pupilEmail?.toLowerCase() ?? null,
        personName,
        classId,
        deviceId: null,
        category: body.category,
        severity: body.severity,
        status: 'open',
        description: body.description,
        actions: [],
        outcome: null,
        ownerId: null,
        followUpDate: null,
        illegal: isIllegalCategory(body.category),
        countersignedBy: null,
        occurredAt: body.occurredAt ?? new Date().toISOString(),
        evidence: [],
      });
    },

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

    async change(who: Staff, id: string, body: IncidentChangeBody) {
      const row = await load(who, id);
      if (!can(who.role, 'work-incident-log')) {
        const beyondRaiser = Object.entries(body).some(
          ([k, v]) => v !== undefined && !['note', 'addActions'].includes(k),
        );
        if (beyondRaiser)
          throw new DomainError(
            'forbidden',
            'only the DSL can change status, owner, outcome or severity; add a note instead',
          );
      }
      if (body.ownerId) {
        const [owner] = await db
          .select()
          .from(staff)
          .where(and(eq(staff.id, body.ownerId), eq(staff.schoolId, who.schoolId)));
        if (!owner) throw new DomainError('invalid', `no staff member ${body.ownerId} in this school`);
      }
      if (body.status === 'closed' && row.illegal && !row.countersignedBy) {
        throw new DomainError(
          'conflict',
          'an illegal-content incident needs a second senior member of staff to countersign before it closes',
        );
      }
      if (body.status === 'closed' && !(body.outcome ?? row.outcome)) {
        throw new DomainError('invalid', 'record the outcome before closing the incident');
      }
      await db.transaction(async (tx) => {
        await lockChain(tx, who.schoolId);
        const [current] = await tx.select().from(incidents).where(eq(incidents.id, id));
        const before = { ...(current as unknown as IncidentState), notes: [] };
        const state = applyChange(before, { ...body });
        // Checked here, under the chain's lock, against the row as it is now: no race lets the
        // countersigner become the owner or close it.
        const problem = twoPersonProblem(before, state, who.id, current!.createdBy);
        if (problem) throw new DomainError('conflict', problem);
        await tx
          .update(incidents)
          .set({
            status: state.status,
            severity: state.severity,
            category: state.category,
            ownerId: state.ownerId,
            actions: state.actions,
            outcome: state.outcome,
            followUpDate: state.followUpDate,
          })
          .where(eq(incidents.id, id));
        await append(tx, who.schoolId, id, who, { ...body }, { type: 'change', status: state.status });
      });
    },

    /** The illegal-content procedure's last step: a second senior member of staff signs. */
    async countersign(who: Staff, id: string) {
      const row = await load(who, id);
      if (!row.illegal) throw new DomainError('conflict', 'only illegal-content incidents are countersigned');
      if (!can(who.role, 'work-incident-log'))
        throw new DomainError('forbidden', 'a senior member of staff (DSL) must countersign');
      await db.transaction(async (tx) => {
        await lockChain(tx, who.schoolId);
        const [current] = await tx.select().from(incidents).where(eq(incidents.id, id));
        if (current!.countersignedBy) throw new DomainError('conflict', 'already countersigned');
        const before = { ...(current as unknown as IncidentState), notes: [] };
        const problem = twoPersonProblem(
          before,
          applyChange(before, { countersignedBy: who.id }),
          who.id,
          current!.createdBy,
        );
        if (problem) throw new DomainError('conflict', problem);
        await tx.update(incidents).set({ countersignedBy: who.id }).where(eq(incidents.id, id));
        await append(
          tx,
          who.schoolId,
          id,
          who,
          { countersignedBy: who.id },
          { type: 'countersign', status: current!.status },
        );
      });
    },

    /**
     * Retention: removes closed incidents raised before `cutoff` (`now` less the school's
     * `retentionDays`), with their history and evidence links. The chain stays verifiable: a
     * `purge` entry, itself chained, keeps each removed entry's tombstone (its links, and for
     * chain 2 its facts and the digest of its content, never the content), so verify-log can step
     * over the gap and check that every incident removed was closed and old enough to go.
     */
    async purgeClosed(
      schoolId: string,
      cutoff: Date,
      retentionDays: number,
      now = new Date(),
    ): Promise<{ incidents: number; entries: number; references: string[] }> {
      return db.transaction(async (tx) => {
        await lockChain(tx, schoolId);
        const expired = await tx
          .select({ id: incidents.id, reference: incidents.reference })
          .from(incidents)
          .where(
            and(
              eq(incidents.schoolId, schoolId),
              eq(incidents.status, 'closed'),
              lt(incidents.createdAt, cutoff),
            ),
          );
        if (expired.length === 0) return { incidents: 0, entries: 0, references: [] };
        const ids = expired.map((i) => i.id);
        const rows = await tx
          .select()
          .from(incidentHistory)
          .where(inArray(incidentHistory.incidentId, ids))
          .orderBy(asc(incidentHistory.id));
        const removed: Tombstone[] = rows.map((r) =>
          r.version >= 2
            ? {
                v: 2,
                id: r.id,
                schoolId: r.schoolId,
                incidentId: r.incidentId,
                at: r.at.toISOString(),
                actorId: r.actorId,
                actorName: r.actorName,
                facts: r.facts as unknown as EntryFacts,
                content: contentDigest(r.change),
                prevHash: r.prevHash,
                hash: r.hash,
              }
            : { v: 1, id: r.id, incidentId: r.incidentId, prevHash: r.prevHash, hash: r.hash },
        );
        await tx.delete(incidentHistory).where(inArray(incidentHistory.incidentId, ids));
        await tx.delete(incidentEvents).where(inArray(incidentEvents.incidentId, ids));
        await tx.delete(incidents).where(inArray(incidents.id, ids));
        const references = expired.map((i) => i.reference);
        await append(
          tx,
          schoolId,
          null,
          { id: 'retention-job', name: 'Retention job' },
          {
            type: 'purge',
            olderThan: cutoff.toISOString(),
            retentionDays,
            references,
            incidents: expired,
            removed,
          },
          { type: 'purge' },
          now,
        );
        return { incidents: expired.length, entries: removed.length, references };
      });
    },

    async byIds(ids: string[]) {
      return ids.length === 0 ? [] : db.select().from(incidents).where(inArray(incidents.id, ids));
    },
  };
}
export type IncidentService = ReturnType<typeof createIncidentService>;
