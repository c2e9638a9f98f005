import { and, asc, desc, eq, gte, inArray, sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { ActionResult, LiveAction, LiveActionRecord, ReplyRefusal, Staff } from '@waymark/shared';
import { inFlight } from '../../db/in-flight';
import type { Database } from '../../db/open-database';
import { liveActionReplies, liveActions } from '../../db/schema';

/** The record of teachers' actions in the live class, and pupils' replies to messages. */
export function createLiveActionService({ db }: { db: Database }) {
  const classActionsSince = inFlight<Array<typeof liveActions.$inferSelect>>();
  return {
    /** Recorded before any device hears of it: an action is on the record even if the server stops mid-way. */
    async record(who: Staff, classId: string, action: LiveAction, deviceIds: string[], until: Date | null) {
      const id = uuidv7();
      const [row] = await db
        .insert(liveActions)
        .values({
          id,
          schoolId: who.schoolId,
          classId,
          staffId: who.id,
          staffName: who.name,
          kind: action.kind,
          action,
          deviceIds,
          results: [],
          until,
        })
        .returning({ createdAt: liveActions.createdAt });
      return { id, createdAt: row!.createdAt };
    },

    async recordResults(id: string, results: ActionResult[]): Promise<void> {
      await db.update(liveActions).set({ results }).where(eq(liveActions.id, id));
    },

    /**
     * One device's answer, given later (it was offline): replaces its entry in one statement, so
     * devices answering the same action at once on different processes do not overwrite each other.
     */
    async recordDeviceResult(id: string, result: ActionResult): Promise<void> {
      await db
        .update(liveActions)
        .set({
          results: sql`coalesce((select jsonb_agg(case when r->>'deviceId' = ${result.deviceId} then ${JSON.stringify(result)}::jsonb else r end order by n) from jsonb_array_elements(${liveActions.results}) with ordinality as t(r, n)), '[]'::jsonb)`,
        })
        .where(eq(liveActions.id, id));
    },

    /**
     * Actions sent to a device while it was offline, oldest first, that may still apply: sent
     * since `since`, not a tab close (a tab's id means nothing once the device has been away), the
     * device's answer recorded as offline. The caller decides which are still within their lesson.
     */
    async offlineFor(schoolId: string, classId: string, deviceId: string, since: Date) {
      // The class's devices connecting together share one read (docs/architecture.md, "Connection
      // set-up reads"); each keeps what was sent since its own `since`.
      const rows = await classActionsSince(`${schoolId}\n${classId}`, () =>
        db
          .select()
          .from(liveActions)
          .where(
            and(
              eq(liveActions.schoolId, schoolId),
              eq(liveActions.classId, classId),
              gte(liveActions.createdAt, since),
            ),
          )
          .orderBy(asc(liveActions.createdAt), asc(liveActions.id)),
      );
      return rows.filter(
        (r) =>
          r.createdAt >= since &&
          r.action.kind !== 'close-tab' &&
          r.results.some((x) => x.deviceId === deviceId && x.outcome === 'offline'),
      );
    },

    /** The class's actions, newest first, with the replies to its messages. */
    async forClass(schoolId: string, classId: string, limit = 200): Promise<LiveActionRecord[]> {
      const rows = await db
        .select()
        .from(liveActions)
        .where(and(eq(liveActions.schoolId, schoolId), eq(liveActions.classId, classId)))
        .orderBy(desc(liveActions.createdAt), desc(liveActions.id))
        .limit(limit);
      const replies =
        rows.length === 0
          ? []
          : await db
              .select()
              .from(liveActionReplies)
              .where(
                inArray(
                  liveActionReplies.actionId,
                  rows.map((r) => r.id),
                ),
              );
      return rows.map((r) => ({
        id: r.id,
        classId: r.classId,
        staffId: r.staffId,
        staffName: r.staffName,
        action: r.action,
        until: r.until?.toISOString() ?? null,
        results: r.results,
        createdAt: r.createdAt.toISOString(),
        replies: replies
          .filter((p) => p.actionId === r.id)
          .map((p) => ({ deviceId: p.deviceId, text: p.text, at: p.createdAt.toISOString() })),
      }));
    },

    /**
     * A pupil's answer to a message sent to their device: once per device (the table's key says
     * so, whichever process the reply arrives at).
     */
    async reply(
      actionId: string,
      deviceId: string,
      text: string,
    ): Promise<{ ok: true; classId: string; at: Date } | { ok: false; code: ReplyRefusal }> {
      const [action] = await db
        .select({ kind: liveActions.kind, deviceIds: liveActions.deviceIds, classId: liveActions.classId })
        .from(liveActions)
        .where(eq(liveActions.id, actionId));
      if (!action || action.kind !== 'message' || !action.deviceIds.includes(deviceId))
        return { ok: false, code: 'not-found' };
      const inserted = await db
        .insert(liveActionReplies)
        .values({ actionId, deviceId, text })
        .onConflictDoNothing()
        .returning({ at: liveActionReplies.createdAt });
      if (inserted.length === 0) return { ok: false, code: 'already-replied' };
      return { ok: true, classId: action.classId, at: inserted[0]!.at };
    },
  };
}
export type LiveActionService = ReturnType<typeof createLiveActionService>;
