import { and, asc, eq, inArray, lt, sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import {
  can,
  incidentPrefill,
  isIllegalCategory,
  pupilKeyOf,
  timelineText,
  type IncidentChangeBody,
  type RaiseFromEventsBody,
  type RaiseIncidentBody,
  type Staff,
  type StoredEvent,
} from '@waymark/shared';
import type { Database } from '../../db/open-database';
import { schoolTimeZone } from '../../db/school-time-zone';
import { incidentEvents, incidentHistory, incidents, pupils, staff } from '../../db/schema';
import { DomainError } from '../../errors/domain-error';
import type { EventService } from '../events';
import type { StaffService } from '../auth-and-accounts';
import type { LessonTimeline } from '../classes-and-live';
import { describeEvent } from './describe-event';
import { tombstoneOf } from './hash-chain';
import { appendEntry, lockChain } from './incident-chain-writer';
import type { IncidentQueries } from './incident-queries';
import { applyChange, twoPersonProblem, type IncidentState } from './incident-state';

/** An incident's description is at most this long (`RaiseFromEventsBodySchema`). */
const DESCRIPTION_MAX = 10_000;

/** Changing the incident log: each change written to the incident and appended to the school's chain. */
export function createIncidentCommands(
  deps: {
    db: Database;
    eventService: EventService;
    staffService: StaffService;
    /** The pupils' lesson timelines, added to an incident raised from a pupil's events when asked. */
    timeline?: Pick<LessonTimeline, 'forPupil'>;
  },
  { load }: Pick<IncidentQueries, 'load'>,
) {
  const { db } = deps;

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
      await appendEntry(
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
      const described = body.description || events.map((e) => describeEvent(e, timeZone)).join('\n');
      let timeline = '';
      if (body.timelineSince && deps.timeline && first.classId) {
        const entries = await deps.timeline.forPupil(
          who.schoolId,
          first.classId,
          pupilKeyOf(first),
          new Date(body.timelineSince),
        );
        if (entries.length > 0)
          timeline = `\n\nThis lesson's timeline (${first.className ?? 'the class'}):\n${timelineText(
            entries,
            timeZone,
            Math.max(0, DESCRIPTION_MAX - described.length - 200),
          )}`;
      }
      return create(who, {
        subject: 'pupil',
        pupilEmail: first.user,
        personName: first.pupilName ?? (first.user ? null : `Pupil using ${first.deviceName}`),
        classId: first.classId,
        deviceId: first.deviceId,
        category: body.category ?? suggested.category,
        severity: body.severity ?? suggested.severity,
        status: 'open',
        description: described + timeline,
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
        await appendEntry(tx, who.schoolId, id, who, { ...body }, { type: 'change', status: state.status });
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
        await appendEntry(
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
        const removed = rows.map(tombstoneOf);
        await tx.delete(incidentHistory).where(inArray(incidentHistory.incidentId, ids));
        await tx.delete(incidentEvents).where(inArray(incidentEvents.incidentId, ids));
        await tx.delete(incidents).where(inArray(incidents.id, ids));
        const references = expired.map((i) => i.reference);
        await appendEntry(
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
  };
}
