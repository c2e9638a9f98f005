import { and, eq, gt, inArray, isNull, lte, or } from 'drizzle-orm';
import {
  claimsByGroup,
  instantOfMinute,
  placePupil,
  timetableMoment,
  type CalendarEntry,
  type LessonClaim,
  type Placement,
  type TimetableMoment,
} from '@waymark/shared';
import type { Database } from '../../db/open-database';
import {
  classSessions,
  groupMembers,
  pupils,
  schoolCalendar,
  schools,
  timetableLessons,
} from '../../db/schema';

/** The school's lessons at one moment: each group's claim on its pupils. */
export interface SchoolNow {
  moment: TimetableMoment | null;
  claims: Map<string, LessonClaim>;
}

export type Clock = () => Date;

export type PupilPlacement = Placement & { email: string; homeClassId: string };

/**
 * How long a school's lessons, read for a connecting device, are used again for the next ones: a
 * connection storm (a school's morning, a restarted server) reads them once a second, not once per
 * device. Never past the minute (timetabled lessons start and end on minutes) nor past the end of a
 * lesson or session then running; a session started, an import or a calendar change forgets them.
 */
const SCHOOL_NOW_REUSE_MS = 1_000;

/**
 * Which lesson each pupil is in now, from the timetable and the sessions teachers started
 * (docs/architecture.md, "Teaching groups and the timetable"). The clock is injectable: tests and
 * the end-to-end test move it across a period boundary instead of waiting for one.
 */
export function createPlacementService({ db, clock = () => new Date() }: { db: Database; clock?: Clock }) {
  async function schoolNow(schoolId: string, now = clock()): Promise<SchoolNow> {
    const [school] = await db
      .select({
        timeZone: schools.timeZone,
        timetableWeeks: schools.timetableWeeks,
        timetableWeekOne: schools.timetableWeekOne,
      })
      .from(schools)
      .where(eq(schools.id, schoolId));
    if (!school) return { moment: null, claims: new Map() };
    const calendar = (await db
      .select({ kind: schoolCalendar.kind, startsOn: schoolCalendar.startsOn, endsOn: schoolCalendar.endsOn })
      .from(schoolCalendar)
      .where(eq(schoolCalendar.schoolId, schoolId))) as CalendarEntry[];
    const moment = timetableMoment(now, school, calendar);
    const claims: LessonClaim[] = [];
    if (moment.teaching) {
      const lessons = await db
        .select()
        .from(timetableLessons)
        .where(
          and(
            eq(timetableLessons.schoolId, schoolId),
            eq(timetableLessons.weekday, moment.weekday),
            inArray(timetableLessons.week, [0, moment.week]),
            lte(timetableLessons.startMinute, moment.minutes),
            gt(timetableLessons.endMinute, moment.minutes),
          ),
        );
      for (const l of lessons)
        claims.push({
          classId: l.classId,
          source: 'timetable',
          startsAt: instantOfMinute(now, moment, l.startMinute),
          endsAt: instantOfMinute(now, moment, l.endMinute),
          room: l.room,
          staffId: l.staffId,
          period: l.period,
        });
    }
    const sessions = await db
      .select()
      .from(classSessions)
      .where(
        and(
          eq(classSessions.schoolId, schoolId),
          isNull(classSessions.cancelledAt),
          lte(classSessions.startsAt, now),
          gt(classSessions.endsAt, now),
        ),
      );
    for (const s of sessions)
      claims.push({
        classId: s.classId,
        source: 'session',
        startsAt: s.startsAt,
        endsAt: s.endsAt,
        room: null,
        staffId: s.startedBy,
        period: null,
      });
    return { moment, claims: claimsByGroup(claims) };
  }

  const recent = new Map<string, { value: Promise<SchoolNow>; from: number; until: number }>();

  /** The school's lessons now, as read less than SCHOOL_NOW_REUSE_MS ago when still true. */
  function recentSchoolNow(schoolId: string, now: Date): Promise<SchoolNow> {
    const t = now.getTime();
    const held = recent.get(schoolId);
    if (held && held.from <= t && t < held.until) return held.value;
    const entry = {
      value: schoolNow(schoolId, now),
      from: t,
      until: Math.min(t + SCHOOL_NOW_REUSE_MS, (Math.floor(t / 60_000) + 1) * 60_000),
    };
    recent.set(schoolId, entry);
    entry.value.then(
      (at) => {
        for (const claim of at.claims.values()) entry.until = Math.min(entry.until, claim.endsAt.getTime());
      },
      () => {
        if (recent.get(schoolId) === entry) recent.delete(schoolId);
      },
    );
    return entry.value;
  }

  /**
   * Placements of pupils of the school (all of them not archived, or those given), with the
   * lessons that claim them. One query for the claims' members: cheap at a period boundary.
   */
  async function placements(
    schoolId: string,
    options: {
      pupilIds?: string[];
      now?: Date;
      at?: SchoolNow;
      /** The pupils themselves, already read (not archived): not read again. */
      known?: Array<{ id: string; email: string; classId: string }>;
    } = {},
  ): Promise<{ at: SchoolNow; placements: Map<string, PupilPlacement> }> {
    const at = options.at ?? (await schoolNow(schoolId, options.now ?? clock()));
    const claimed = [...at.claims.keys()];
    const pupilIds = options.known?.map((p) => p.id) ?? options.pupilIds;
    const pupilFilter = pupilIds ? inArray(pupils.id, pupilIds) : undefined;
    const rows =
      options.known ??
      (await db
        .select({ id: pupils.id, email: pupils.email, classId: pupils.classId })
        .from(pupils)
        .where(and(eq(pupils.schoolId, schoolId), isNull(pupils.archivedAt), pupilFilter)));
    const groupsOf = new Map<string, string[]>();
    if (claimed.length > 0) {
      const members = await db
        .select({ pupilId: groupMembers.pupilId, classId: groupMembers.classId })
        .from(groupMembers)
        .where(
          and(
            inArray(groupMembers.classId, claimed),
            pupilIds ? inArray(groupMembers.pupilId, pupilIds) : undefined,
          ),
        );
      for (const m of members) {
        const list = groupsOf.get(m.pupilId);
        if (list) list.push(m.classId);
        else groupsOf.set(m.pupilId, [m.classId]);
      }
    }
    const result = new Map<string, PupilPlacement>();
    for (const p of rows)
      result.set(p.id, {
        ...placePupil(p.classId, groupsOf.get(p.id) ?? [], at.claims),
        email: p.email,
        homeClassId: p.classId,
      });
    return { at, placements: result };
  }

  /** The pupils in a group's lesson now (its members the lesson won), and its members in other lessons. */
  async function inGroup(schoolId: string, classId: string, now = clock()) {
    const members = await db
      .selectDistinct({ id: pupils.id })
      .from(pupils)
      .leftJoin(groupMembers, eq(groupMembers.pupilId, pupils.id))
      .where(
        and(
          eq(pupils.schoolId, schoolId),
          isNull(pupils.archivedAt),
          or(eq(pupils.classId, classId), eq(groupMembers.classId, classId)),
        ),
      );
    const { at, placements: placed } = await placements(schoolId, {
      pupilIds: members.map((m) => m.id),
      now,
    });
    return { lesson: at.claims.get(classId) ?? null, placements: placed };
  }

  /** The next moment any lesson or session of the school starts or ends, within the day. */
  async function nextBoundary(schoolId: string, now = clock()): Promise<Date | null> {
    const at = await schoolNow(schoolId, now);
    const candidates: number[] = [];
    if (at.moment?.teaching) {
      const today = await db
        .select({ start: timetableLessons.startMinute, end: timetableLessons.endMinute })
        .from(timetableLessons)
        .where(
          and(
            eq(timetableLessons.schoolId, schoolId),
            eq(timetableLessons.weekday, at.moment.weekday),
            inArray(timetableLessons.week, [0, at.moment.week]),
            gt(timetableLessons.endMinute, at.moment.minutes),
          ),
        );
      for (const l of today)
        for (const m of [l.start, l.end])
          if (m > at.moment.minutes) candidates.push(instantOfMinute(now, at.moment, m).getTime());
    }
    const sessions = await db
      .select({ startsAt: classSessions.startsAt, endsAt: classSessions.endsAt })
      .from(classSessions)
      .where(
        and(
          eq(classSessions.schoolId, schoolId),
          isNull(classSessions.cancelledAt),
          gt(classSessions.endsAt, now),
        ),
      );
    for (const s of sessions)
      for (const t of [s.startsAt.getTime(), s.endsAt.getTime()]) if (t > now.getTime()) candidates.push(t);
    return candidates.length ? new Date(Math.min(...candidates)) : null;
  }

  return {
    clock,
    schoolNow,
    placements,
    inGroup,
    nextBoundary,
    /** One pupil's placement now (for a device connecting: the school's lessons may be a second old). */
    async placementOf(
      schoolId: string,
      pupil: { id: string; email: string; classId: string },
      now = clock(),
    ): Promise<Placement | null> {
      const at = await recentSchoolNow(schoolId, now);
      return (await placements(schoolId, { known: [pupil], at })).placements.get(pupil.id) ?? null;
    },
    /** The school's lessons changed, or a boundary passed: the next connection reads them again. */
    forget(schoolId?: string) {
      if (schoolId) recent.delete(schoolId);
      else recent.clear();
    },
    /** The lesson a group is in now (its session, else its timetabled lesson), or null. */
    async lessonOf(schoolId: string, classId: string, now = clock()): Promise<LessonClaim | null> {
      return (await schoolNow(schoolId, now)).claims.get(classId) ?? null;
    },
  };
}
export type PlacementService = ReturnType<typeof createPlacementService>;
