import { and, asc, eq, gte, inArray, isNull, notInArray, or } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import {
  ILLEGAL_CATEGORIES,
  isIllegalCategory,
  TabCategorySchema,
  type Category,
  type TimelineEntry,
} from '@waymark/shared';
import type { Database } from '../../db/open-database';
import { events, lessonTimeline } from '../../db/schema';

const EVENT_KINDS = { blocked: 'blocked', search: 'search', 'unblock-request': 'request' } as const;
/** Lines of one pupil's timeline read at most (a lesson is an hour or two). */
const TIMELINE_LIMIT = 500;

export interface VisitStart {
  schoolId: string;
  classId: string;
  deviceId: string;
  pupilKey: string;
  site: string;
  title: string | null;
  category: Category | null;
  at: Date;
}

const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : null);

/**
 * A pupil's lesson timeline (docs/architecture.md, "Live class"): the sites the active tab was on
 * while the class was watched, kept here with when the pupil left each, and the blocks, searches
 * and requests from the events table. Kept as long as events and purged with them; never an
 * address in an illegal category (the tab state is blanked before it gets here, and such events
 * are left out).
 */
export function createLessonTimeline({ db }: { db: Database }) {
  return {
    async visitStarted(visit: VisitStart): Promise<string> {
      const id = uuidv7();
      await db.insert(lessonTimeline).values({
        id,
        schoolId: visit.schoolId,
        classId: visit.classId,
        deviceId: visit.deviceId,
        pupilKey: visit.pupilKey,
        site: visit.site,
        title: visit.title,
        category: visit.category,
        startedAt: visit.at,
      });
      return id;
    },

    async visitEnded(id: string, at: Date): Promise<void> {
      await db
        .update(lessonTimeline)
        .set({ endedAt: at })
        .where(and(eq(lessonTimeline.id, id), isNull(lessonTimeline.endedAt)));
    },

    /** One pupil's timeline in a class since `since` (the lesson's start), oldest first. */
    async forPupil(
      schoolId: string,
      classId: string,
      pupilKey: string,
      since: Date,
      now = new Date(),
    ): Promise<TimelineEntry[]> {
      const visits = await db
        .select()
        .from(lessonTimeline)
        .where(
          and(
            eq(lessonTimeline.schoolId, schoolId),
            eq(lessonTimeline.classId, classId),
            eq(lessonTimeline.pupilKey, pupilKey),
            gte(lessonTimeline.startedAt, since),
          ),
        )
        .orderBy(asc(lessonTimeline.startedAt))
        .limit(TIMELINE_LIMIT);
      const deviceOnly = pupilKey.startsWith('device:') ? pupilKey.slice('device:'.length) : null;
      const reported = await db
        .select()
        .from(events)
        .where(
          and(
            eq(events.schoolId, schoolId),
            eq(events.classId, classId),
            gte(events.occurredAt, since),
            inArray(events.kind, Object.keys(EVENT_KINDS) as Array<keyof typeof EVENT_KINDS>),
            deviceOnly
              ? and(isNull(events.user), eq(events.deviceId, deviceOnly))
              : eq(events.user, pupilKey),
            or(isNull(events.category), notInArray(events.category, [...ILLEGAL_CATEGORIES])),
          ),
        )
        .orderBy(asc(events.occurredAt))
        .limit(TIMELINE_LIMIT);
      const category = (c: string | null) => {
        const parsed = TabCategorySchema.safeParse(c);
        return parsed.success ? parsed.data : null;
      };
      const entries: TimelineEntry[] = [
        ...visits.map((v) => ({
          kind: 'site' as const,
          at: v.startedAt.toISOString(),
          until: v.endedAt?.toISOString() ?? null,
          seconds: Math.max(0, Math.round(((v.endedAt ?? now).getTime() - v.startedAt.getTime()) / 1000)),
          site: v.site,
          title: v.title,
          detail: null,
          category: category(v.category),
          deviceId: v.deviceId,
        })),
        ...reported
          .filter((e) => !isIllegalCategory(e.category))
          .map((e) => ({
            kind: EVENT_KINDS[e.kind as keyof typeof EVENT_KINDS],
            at: e.occurredAt.toISOString(),
            until: null,
            seconds: null,
            site: e.url,
            title: null,
            detail: e.kind === 'search' ? text(e.details.query) : text(e.details.reason),
            category: category(e.category),
            deviceId: e.deviceId,
          })),
      ];
      return entries.sort((a, b) => a.at.localeCompare(b.at));
    },
  };
}
export type LessonTimeline = ReturnType<typeof createLessonTimeline>;
