import { eq, inArray } from 'drizzle-orm';
import type { LiveClassSettings, LiveClassSettingsBody, Staff } from '@waymark/shared';
import type { Database } from '../../db/open-database';
import { classes, policyChanges, schools } from '../../db/schema';
import type { PlacementService, SchoolNow } from '../teaching-groups';
import type { GateLook } from './watch-gate';

function describe(before: LiveClassSettings, after: LiveClassSettings): string[] {
  const lines: string[] = [];
  if (before.tabsInLessonsOnly !== after.tabsInLessonsOnly)
    lines.push(
      after.tabsInLessonsOnly
        ? 'Live tabs: only in the class’s timetabled lessons and sessions'
        : 'Live tabs: at any time a teacher watches the class',
    );
  if (before.screenThumbnails !== after.screenThumbnails)
    lines.push(
      after.screenThumbnails
        ? 'Screen thumbnails: on (teachers may see pupils’ screens in lessons)'
        : 'Screen thumbnails: off',
    );
  return lines;
}

/**
 * When teachers may see pupils' live tabs and screens (docs/architecture.md, "Live class"): the
 * school's choice, each change a change-control entry with who, why, before and after.
 */
export function createLiveSettingsService({ db, placement }: { db: Database; placement: PlacementService }) {
  async function get(schoolId: string): Promise<LiveClassSettings> {
    const [row] = await db
      .select({
        tabsInLessonsOnly: schools.liveTabsInLessonsOnly,
        screenThumbnails: schools.screenThumbnails,
      })
      .from(schools)
      .where(eq(schools.id, schoolId));
    return row ?? { tabsInLessonsOnly: false, screenThumbnails: false };
  }

  return {
    get,
    /** The school's classes: their watchers hear when the settings change. */
    async classIds(schoolId: string): Promise<string[]> {
      const rows = await db.select({ id: classes.id }).from(classes).where(eq(classes.schoolId, schoolId));
      return rows.map((r) => r.id);
    },
    /**
     * Whether each class's live tabs may be shown now: at any time, or where the school limits
     * watching to lessons, while the class has a timetabled lesson or a session (the placement's).
     */
    async watchable(classIds: string[]): Promise<Map<string, GateLook>> {
      const looks = new Map<string, GateLook>();
      if (classIds.length === 0) return looks;
      const rows = await db
        .select({ id: classes.id, schoolId: classes.schoolId, lessonsOnly: schools.liveTabsInLessonsOnly })
        .from(classes)
        .innerJoin(schools, eq(schools.id, classes.schoolId))
        .where(inArray(classes.id, classIds));
      const lessons = new Map<string, SchoolNow>();
      for (const row of rows) {
        if (!row.lessonsOnly) {
          looks.set(row.id, { schoolId: row.schoolId, allowed: true });
          continue;
        }
        let at = lessons.get(row.schoolId);
        if (!at) {
          at = await placement.schoolNow(row.schoolId);
          lessons.set(row.schoolId, at);
        }
        looks.set(row.id, { schoolId: row.schoolId, allowed: at.claims.has(row.id) });
      }
      return looks;
    },
    /**
     * Whether a class's screens may be shown now: the school has thumbnails on and the class has a
     * timetabled lesson or a session now (whatever the rule for tabs).
     */
    async screensAllowed(
      classId: string,
    ): Promise<{ allowed: boolean; reason: 'setting-off' | 'outside-lessons' }> {
      const [row] = await db
        .select({ schoolId: classes.schoolId, on: schools.screenThumbnails })
        .from(classes)
        .innerJoin(schools, eq(schools.id, classes.schoolId))
        .where(eq(classes.id, classId));
      if (!row?.on) return { allowed: false, reason: 'setting-off' };
      const at = await placement.schoolNow(row.schoolId);
      return { allowed: at.claims.has(classId), reason: 'outside-lessons' };
    },
    /** Saves the change with its change-control entry; returns the settings before and after. */
    async set(who: Staff, body: LiveClassSettingsBody) {
      const before = await get(who.schoolId);
      const after: LiveClassSettings = {
        tabsInLessonsOnly: body.tabsInLessonsOnly ?? before.tabsInLessonsOnly,
        screenThumbnails: body.screenThumbnails ?? before.screenThumbnails,
      };
      const summary = describe(before, after);
      if (summary.length === 0) return { before, after };
      await db.transaction(async (tx) => {
        await tx
          .update(schools)
          .set({ liveTabsInLessonsOnly: after.tabsInLessonsOnly, screenThumbnails: after.screenThumbnails })
          .where(eq(schools.id, who.schoolId));
        await tx.insert(policyChanges).values({
          schoolId: who.schoolId,
          profile: 'live-class',
          version: 0,
          changedBy: who.id,
          changedByName: who.name,
          reason: body.reason,
          summary,
          before,
          after,
        });
      });
      return { before, after };
    },
  };
}
export type LiveSettingsService = ReturnType<typeof createLiveSettingsService>;
