import { and, eq, gt, inArray } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { LessonOverride, StartOverrideBody } from '@waymark/shared';
import type { Database } from '../db/open-database';
import { lessonOverrides } from '../db/schema';

/** Nothing a teacher does in a lesson outlives it: 60 minutes unless they say otherwise. */
export const DEFAULT_OVERRIDE_MINUTES = 60;

type Row = typeof lessonOverrides.$inferSelect;

function toOverride(row: Row): LessonOverride & { requestEventId: string | null } {
  return {
    id: row.id,
    classId: row.classId,
    kind: row.kind as LessonOverride['kind'],
    sites: row.sites,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    createdBy: row.createdBy,
    requestEventId: row.requestEventId,
  };
}

export function createOverrideService({ db }: { db: Database }) {
  return {
    async start(
      schoolId: string,
      classId: string,
      staffId: string,
      body: StartOverrideBody,
      options: { requestEventId?: string; now?: Date } = {},
    ) {
      const now = options.now ?? new Date();
      const [row] = await db
        .insert(lessonOverrides)
        .values({
          id: uuidv7(),
          schoolId,
          classId,
          kind: body.kind,
          sites: body.sites,
          startsAt: now,
          endsAt: new Date(now.getTime() + (body.minutes ?? DEFAULT_OVERRIDE_MINUTES) * 60_000),
          createdBy: staffId,
          requestEventId: options.requestEventId ?? null,
        })
        .returning();
      return toOverride(row!);
    },

    /** Ends an override now; returns it, or null if it was not found in this school. */
    async end(schoolId: string, overrideId: string, now = new Date()) {
      const [row] = await db
        .update(lessonOverrides)
        .set({ endsAt: now })
        .where(
          and(
            eq(lessonOverrides.id, overrideId),
            eq(lessonOverrides.schoolId, schoolId),
            gt(lessonOverrides.endsAt, now),
          ),
        )
        .returning();
      return row ? toOverride(row) : null;
    },

    /** Overrides not yet ended for these classes (current and scheduled). */
    async current(classIds: string[], now = new Date()) {
      if (classIds.length === 0) return [];
      const rows = await db
        .select()
        .from(lessonOverrides)
        .where(and(inArray(lessonOverrides.classId, classIds), gt(lessonOverrides.endsAt, now)))
        .orderBy(lessonOverrides.startsAt);
      return rows.map(toOverride);
    },
  };
}
export type OverrideService = ReturnType<typeof createOverrideService>;
