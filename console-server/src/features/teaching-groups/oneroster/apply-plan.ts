import { and, eq, inArray, isNotNull, sql, type SQL } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { Staff } from '@waymark/shared';
import type { Database } from '../../../db/open-database';
import {
  classes,
  classTeachers,
  groupMembers,
  policyChanges,
  pupils,
  schoolCalendar,
  schools,
  staff,
} from '../../../db/schema';
import type { RosterPlan } from './plan-import';

type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];

const CHUNK = 1000;

async function inChunks<T>(rows: T[], write: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += CHUNK) await write(rows.slice(i, i + CHUNK));
}

/** One UPDATE … FROM (VALUES …) for many pupils: a move of a year group is not 300 round trips. */
async function updatePupils(
  tx: Tx,
  rows: Array<{
    id: string;
    email: string;
    name: string;
    classId: string;
    grade: string | null;
    externalId: string;
  }>,
) {
  await inChunks(rows, (chunk) => {
    const values: SQL[] = chunk.map(
      (r) => sql`(${r.id}, ${r.email}, ${r.name}, ${r.classId}, ${r.grade}::text, ${r.externalId})`,
    );
    return tx.execute(sql`
      update "pupils" as p set "email" = v.email, "name" = v.name, "class_id" = v.class_id,
        "grade" = v.grade, "external_id" = v.external_id, "archived_at" = null
      from (values ${sql.join(values, sql`, `)}) as v(id, email, name, class_id, grade, external_id)
      where p."id" = v.id`);
  });
}

/**
 * Applies a previewed import in one transaction (nothing, if any part fails): groups added,
 * changed and ended, teachers added, pupils added, moved and archived (never deleted: their
 * incidents and history stay), memberships and teachers of the synced groups replaced, the terms,
 * and one change-control entry. Applying the same bundle again changes nothing.
 */
export async function applyPlan(db: Database, who: Staff, plan: RosterPlan, now = new Date()) {
  const schoolId = who.schoolId;
  await db.transaction(async (tx) => {
    const groupId = new Map<string, string>();
    const newGroups = [];
    for (const g of plan.groups) {
      if (g.existingId) {
        groupId.set(g.externalId, g.existingId);
        if (g.changed)
          await tx
            .update(classes)
            .set({ name: g.name, kind: g.kind, profile: g.profile, endedAt: null })
            .where(eq(classes.id, g.existingId));
      } else {
        const id = uuidv7();
        groupId.set(g.externalId, id);
        newGroups.push({
          id,
          schoolId,
          name: g.name,
          profile: g.profile,
          kind: g.kind,
          externalId: g.externalId,
        });
      }
    }
    await inChunks(newGroups, (chunk) => tx.insert(classes).values(chunk));
    await inChunks(plan.endGroupIds, (chunk) =>
      tx.update(classes).set({ endedAt: now }).where(inArray(classes.id, chunk)),
    );

    const staffId = new Map<string, string>();
    const newStaff = [];
    for (const t of plan.teachers) {
      if (t.existingId) staffId.set(t.externalId, t.existingId);
      else {
        const id = uuidv7();
        staffId.set(t.externalId, id);
        // No password: they sign in with the school's single sign-on, as a teacher.
        newStaff.push({
          id,
          schoolId,
          email: t.email,
          name: t.name,
          role: 'teacher' as const,
          externalId: t.externalId,
        });
      }
    }
    await inChunks(newStaff, (chunk) => tx.insert(staff).values(chunk));

    const pupilId = new Map<string, string>();
    const newPupils = [];
    const changed = [];
    for (const p of plan.pupils) {
      const classId = groupId.get(p.home)!;
      if (p.existingId) {
        pupilId.set(p.externalId, p.existingId);
        if (p.changed)
          changed.push({
            id: p.existingId,
            email: p.email,
            name: p.name,
            classId,
            grade: p.grade,
            externalId: p.externalId,
          });
      } else {
        const id = uuidv7();
        pupilId.set(p.externalId, id);
        newPupils.push({
          id,
          schoolId,
          email: p.email,
          name: p.name,
          classId,
          grade: p.grade,
          externalId: p.externalId,
        });
      }
    }
    await inChunks(newPupils, (chunk) => tx.insert(pupils).values(chunk));
    await updatePupils(tx, changed);
    await inChunks(plan.leavingIds, (chunk) =>
      tx.update(pupils).set({ archivedAt: now }).where(inArray(pupils.id, chunk)),
    );

    // The synced groups' members and teachers are the bundle's, exactly.
    const synced = tx
      .select({ id: classes.id })
      .from(classes)
      .where(and(eq(classes.schoolId, schoolId), isNotNull(classes.externalId)));
    await tx.delete(groupMembers).where(inArray(groupMembers.classId, synced));
    await inChunks(
      plan.pupils.flatMap((p) =>
        p.groups.map((g) => ({ classId: groupId.get(g)!, pupilId: pupilId.get(p.externalId)! })),
      ),
      (chunk) => tx.insert(groupMembers).values(chunk).onConflictDoNothing(),
    );
    await tx.delete(classTeachers).where(inArray(classTeachers.classId, synced));
    await inChunks(
      plan.teaching.map((t) => ({ classId: groupId.get(t.group)!, staffId: staffId.get(t.teacher)! })),
      (chunk) => tx.insert(classTeachers).values(chunk).onConflictDoNothing(),
    );

    // The MIS's terms, when it gives any, are the school's terms (its holidays stay the school's own).
    if (plan.terms.length > 0) {
      await tx
        .delete(schoolCalendar)
        .where(and(eq(schoolCalendar.schoolId, schoolId), eq(schoolCalendar.kind, 'term')));
      await tx
        .insert(schoolCalendar)
        .values(plan.terms.map((t) => ({ id: uuidv7(), schoolId, kind: 'term', ...t })));
    }
    await tx.update(schools).set({ rosterOrgId: plan.org.sourcedId }).where(eq(schools.id, schoolId));

    const c = plan.changes.counts;
    await tx.insert(policyChanges).values({
      schoolId,
      profile: 'roster',
      version: 0,
      changedBy: who.id,
      changedByName: who.name,
      reason: `OneRoster ${plan.changes.version} import from ${plan.org.name} (${plan.org.sourcedId})`,
      summary: [
        `pupils: ${c.pupilsAdded} added, ${c.pupilsMoved} moved, ${c.pupilsLeaving} left (archived), ${c.pupilsUnchanged} unchanged`,
        `groups: ${c.groupsAdded} added, ${c.groupsEnded} ended`,
        `teachers added: ${c.teachersAdded}; enrollments: ${c.enrollments}; terms: ${c.terms}`,
      ],
      before: null,
      after: c,
    });
  });
}
