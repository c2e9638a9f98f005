import { and, eq, gt, inArray, isNull, lt, lte } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { ScheduledSession, ScheduleSessionBody, StartSessionBody } from '@waymark/shared';
import type { Database } from '../../db/open-database';
import { classes, classSessions, lessonOverrides, schools } from '../../db/schema';
import { DomainError } from '../../errors/domain-error';
import type { PlacementService } from './placement-service';

const DEFAULT_SESSION_MINUTES = 60;
/** A start picked to the minute in a form is a little in the past by the time it arrives. */
const SCHEDULE_GRACE_MS = 60_000;
/** How far ahead a session may be planned: a term is the teacher's horizon. */
const SCHEDULE_HORIZON_DAYS = 120;

type SessionRow = typeof classSessions.$inferSelect;

/** "10:30–11:30 on Tuesday 8 December", in the school's time zone. */
function plannedWhen(row: { startsAt: Date; endsAt: Date }, timeZone: string): string {
  const time = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit' });
  const day = new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'long', day: 'numeric', month: 'long' });
  return `${time.format(row.startsAt)}–${time.format(row.endsAt)} on ${day.format(row.startsAt)}`;
}

/**
 * Lessons a teacher starts for a group (a cover lesson, a lesson off the timetable). A session
 * beats the timetable for the group's pupils while it runs (docs/architecture.md, "Teaching groups
 * and the timetable"). Its times are on the placement clock, as the timetable's are.
 */
export function createSessionService({ db, placement }: { db: Database; placement: PlacementService }) {
  async function running(schoolId: string, classId: string, now: Date) {
    const [row] = await db
      .select()
      .from(classSessions)
      .where(
        and(
          eq(classSessions.schoolId, schoolId),
          eq(classSessions.classId, classId),
          isNull(classSessions.cancelledAt),
          lte(classSessions.startsAt, now),
          gt(classSessions.endsAt, now),
        ),
      );
    return row ?? null;
  }

  async function inSchool(schoolId: string, classId: string): Promise<boolean> {
    const [group] = await db
      .select({ id: classes.id })
      .from(classes)
      .where(and(eq(classes.id, classId), eq(classes.schoolId, schoolId)));
    return group !== undefined;
  }

  /** Ends (or, before it starts, empties) the sites a session brought with it. */
  async function endSessionSites(sessionId: string, now: Date, started: boolean) {
    await db
      .update(lessonOverrides)
      .set(started ? { endsAt: now } : { startsAt: now, endsAt: now })
      .where(and(eq(lessonOverrides.sessionId, sessionId), gt(lessonOverrides.endsAt, now)));
  }

  async function withSites(rows: SessionRow[]): Promise<ScheduledSession[]> {
    const sites = rows.length
      ? await db
          .select({
            sessionId: lessonOverrides.sessionId,
            kind: lessonOverrides.kind,
            sites: lessonOverrides.sites,
          })
          .from(lessonOverrides)
          .where(
            inArray(
              lessonOverrides.sessionId,
              rows.map((r) => r.id),
            ),
          )
      : [];
    return rows.map((r) => {
      const own = sites.find((o) => o.sessionId === r.id);
      return {
        id: r.id,
        classId: r.classId,
        startedBy: r.startedBy,
        startsAt: r.startsAt.toISOString(),
        endsAt: r.endsAt.toISOString(),
        sites: own ? { kind: own.kind as 'open' | 'focus', sites: own.sites } : null,
      };
    });
  }

  return {
    /**
     * Plans a session ahead (docs/architecture.md, "Teaching groups and the timetable"): it claims
     * the group's pupils from its start to its end, and its sites start and end with it. Refused
     * in the past, too far ahead, or overlapping another of the group's sessions; null when the
     * group is not the school's. The caller has checked the sites are lawful.
     */
    async schedule(
      schoolId: string,
      classId: string,
      staffId: string,
      body: ScheduleSessionBody,
    ): Promise<ScheduledSession | null> {
      const now = placement.clock();
      const startsAt = new Date(body.startsAt);
      const endsAt = new Date(body.endsAt);
      if (!(await inSchool(schoolId, classId))) return null;
      if (startsAt.getTime() < now.getTime() - SCHEDULE_GRACE_MS)
        throw new DomainError('invalid', 'a session cannot start in the past');
      if (startsAt.getTime() > now.getTime() + SCHEDULE_HORIZON_DAYS * 86_400_000)
        throw new DomainError('invalid', `a session is planned at most ${SCHEDULE_HORIZON_DAYS} days ahead`);
      const [clash] = await db
        .select({ id: classSessions.id })
        .from(classSessions)
        .where(
          and(
            eq(classSessions.classId, classId),
            isNull(classSessions.cancelledAt),
            lt(classSessions.startsAt, endsAt),
            gt(classSessions.endsAt, startsAt),
          ),
        );
      if (clash) throw new DomainError('conflict', 'this group already has a session at that time');
      const [row] = await db
        .insert(classSessions)
        .values({ id: uuidv7(), schoolId, classId, startedBy: staffId, startsAt, endsAt })
        .returning();
      if (body.sites)
        await db.insert(lessonOverrides).values({
          id: uuidv7(),
          schoolId,
          classId,
          kind: body.sites.kind,
          sites: body.sites.sites,
          startsAt,
          endsAt,
          createdBy: staffId,
          sessionId: row!.id,
        });
      return (await withSites([row!]))[0]!;
    },

    /** The group's sessions not yet over (running first, then by start), with their sites. */
    async upcoming(schoolId: string, classId: string): Promise<ScheduledSession[]> {
      const rows = await db
        .select()
        .from(classSessions)
        .where(
          and(
            eq(classSessions.schoolId, schoolId),
            eq(classSessions.classId, classId),
            isNull(classSessions.cancelledAt),
            gt(classSessions.endsAt, placement.clock()),
          ),
        )
        .orderBy(classSessions.startsAt);
      return withSites(rows);
    },

    /**
     * Calls off one of the group's sessions: before it starts it never claims anyone; once it runs
     * it ends now. Null when the group has no such session not yet over.
     */
    async cancel(schoolId: string, classId: string, sessionId: string): Promise<ScheduledSession | null> {
      const now = placement.clock();
      const [held] = await db
        .select()
        .from(classSessions)
        .where(
          and(
            eq(classSessions.id, sessionId),
            eq(classSessions.schoolId, schoolId),
            eq(classSessions.classId, classId),
            isNull(classSessions.cancelledAt),
            gt(classSessions.endsAt, now),
          ),
        );
      if (!held) return null;
      const started = held.startsAt <= now;
      const [row] = await db
        .update(classSessions)
        .set(started ? { endsAt: now } : { cancelledAt: now })
        .where(eq(classSessions.id, held.id))
        .returning();
      await endSessionSites(held.id, now, started);
      return (await withSites([row!]))[0]!;
    },

    /**
     * Starts (or extends) the group's session; null when the group is not the school's. A session
     * of the group planned to start before this one would end is refused with a conflict naming
     * it, unless `body.replace`: then it is called off (`replaced`, with the sites it would have
     * brought) and this one starts.
     */
    async start(schoolId: string, classId: string, staffId: string, body: StartSessionBody) {
      const now = placement.clock();
      if (!(await inSchool(schoolId, classId))) return null;
      const lesson = await placement.lessonOf(schoolId, classId, now);
      const endsAt = body.minutes
        ? new Date(now.getTime() + body.minutes * 60_000)
        : lesson?.source === 'timetable'
          ? lesson.endsAt
          : new Date(now.getTime() + DEFAULT_SESSION_MINUTES * 60_000);
      const planned = await db
        .select()
        .from(classSessions)
        .where(
          and(
            eq(classSessions.schoolId, schoolId),
            eq(classSessions.classId, classId),
            isNull(classSessions.cancelledAt),
            gt(classSessions.startsAt, now),
            lt(classSessions.startsAt, endsAt),
          ),
        )
        .orderBy(classSessions.startsAt);
      if (planned.length > 0 && !body.replace) {
        const [school] = await db
          .select({ timeZone: schools.timeZone })
          .from(schools)
          .where(eq(schools.id, schoolId));
        const which = planned.map((p) => plannedWhen(p, school?.timeZone ?? 'UTC')).join(' and ');
        throw new DomainError(
          'conflict',
          `this group has a session planned for ${which}, which this one would overlap: replace it, or start a shorter session`,
        );
      }
      const replaced: ScheduledSession[] = [];
      for (const p of planned) {
        await db.update(classSessions).set({ cancelledAt: now }).where(eq(classSessions.id, p.id));
        await endSessionSites(p.id, now, false);
        replaced.push(...(await withSites([p])));
      }
      const held = await running(schoolId, classId, now);
      if (held) {
        const [row] = await db
          .update(classSessions)
          .set({ endsAt, startedBy: staffId })
          .where(eq(classSessions.id, held.id))
          .returning();
        return { ...row!, replaced };
      }
      const [row] = await db
        .insert(classSessions)
        .values({ id: uuidv7(), schoolId, classId, startedBy: staffId, startsAt: now, endsAt })
        .returning();
      return { ...row!, replaced };
    },

    /** Ends the group's running session now; null when none runs. */
    async end(schoolId: string, classId: string) {
      const now = placement.clock();
      const held = await running(schoolId, classId, now);
      if (!held) return null;
      const [row] = await db
        .update(classSessions)
        .set({ endsAt: now })
        .where(eq(classSessions.id, held.id))
        .returning();
      await endSessionSites(held.id, now, true);
      return row!;
    },

    running: (schoolId: string, classId: string) => running(schoolId, classId, placement.clock()),
  };
}
export type SessionService = ReturnType<typeof createSessionService>;
