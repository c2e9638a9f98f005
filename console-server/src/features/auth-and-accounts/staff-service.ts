import { and, eq, gt, inArray, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import {
  can,
  isSchoolRole,
  type ClassSummary,
  type CreateStaffBody,
  type Staff,
  type StaffListItem,
  type UpdateStaffBody,
} from '@waymark/shared';
import type { Database } from '../../db/open-database';
import { DomainError } from '../../errors/domain-error';
import { classes, classTeachers, schools, sessions, staff, trusts } from '../../db/schema';
import { createAccessRevocations, type AccessRevocations } from './access-revocations';
import { hashPassword, hashSecret, newSecret, sessionKeyOf, verifyPassword } from './tokens';

const SESSION_IDLE_MS = 2 * 60 * 60 * 1000;
export const SESSION_MAX_MS = 12 * 60 * 60 * 1000;
const LOCKOUT_AFTER = 5;
const LOCKOUT_MS = 15 * 60 * 1000;

type LoginResult =
  | { ok: true; staff: Staff; sessionToken: string }
  | { ok: false; reason: 'invalid' | 'locked'; lockedUntil?: Date };

/** A signed-in session: who, and until when it lasts unless used again. */
interface SessionInfo {
  staff: Staff;
  /** Names the session in socket rooms (see `sessionKeyOf`). */
  sessionKey: string;
  /** When it ends if nothing uses it meanwhile: the idle timeout, or the hard end, whichever is first. */
  endsAt: Date;
}

/**
 * The classes a member of staff may watch: the school's current ones (a group the roster sync ended
 * is history), all of them for the DSL's roles, otherwise those they teach and those the timetable
 * gives them a lesson with (cover). Null when they may watch none.
 */
function watchScope(who: Staff): SQL | null {
  const current = and(eq(classes.schoolId, who.schoolId), isNull(classes.endedAt))!;
  if (can(who.role, 'watch-all-classes')) return current;
  if (!can(who.role, 'watch-own-classes')) return null;
  const teaches = sql<boolean>`(exists (select 1 from "class_teachers" where "class_teachers"."class_id" = "classes"."id" and "class_teachers"."staff_id" = ${who.id}) or exists (select 1 from "timetable_lessons" where "timetable_lessons"."class_id" = "classes"."id" and "timetable_lessons"."staff_id" = ${who.id}))`;
  return and(current, teaches)!;
}

export function createStaffService({
  db,
  revocations = createAccessRevocations(),
}: {
  db: Database;
  /** Told after an account loses access, so its open consoles end at once (every process). */
  revocations?: AccessRevocations;
}) {
  async function staffById(id: string): Promise<Staff | null> {
    const [row] = await db
      .select({
        id: staff.id,
        email: staff.email,
        name: staff.name,
        role: staff.role,
        schoolId: staff.schoolId,
        schoolName: schools.name,
        trustId: schools.trustId,
        trustName: trusts.name,
      })
      .from(staff)
      .innerJoin(schools, eq(schools.id, staff.schoolId))
      .leftJoin(trusts, eq(trusts.id, schools.trustId))
      .where(and(eq(staff.id, id), isNull(staff.disabledAt)));
    return row ?? null;
  }

  async function newSession(staffId: string, now: Date): Promise<string> {
    const sessionToken = newSecret();
    await db.insert(sessions).values({
      tokenHash: hashSecret(sessionToken),
      staffId,
      expiresAt: new Date(now.getTime() + SESSION_MAX_MS),
    });
    return sessionToken;
  }

  /**
   * One sign-in attempt, counted before the password is checked, in one statement: parallel
   * guesses each take their own turn, and once LOCKOUT_AFTER are taken no more are tried until the
   * lock ends. Null when the account is locked now.
   */
  async function takeAttempt(staffId: string, now: Date): Promise<{ lockedUntil: Date | null } | null> {
    const attempt = sql`case when ${staff.lockedUntil} is not null then 1 else ${staff.failedLogins} + 1 end`;
    const [row] = await db
      .update(staff)
      .set({
        failedLogins: attempt,
        lockedUntil: sql`case when ${attempt} >= ${LOCKOUT_AFTER} then ${new Date(now.getTime() + LOCKOUT_MS).toISOString()}::timestamptz else null end`,
      })
      .where(and(eq(staff.id, staffId), or(isNull(staff.lockedUntil), lte(staff.lockedUntil, now))))
      .returning({ lockedUntil: staff.lockedUntil });
    return row ?? null;
  }

  /** The account, when a school's admin may manage it: in the school, and holding a school role. */
  async function manageable(schoolId: string, staffId: string) {
    const [row] = await db
      .select({ id: staff.id, role: staff.role })
      .from(staff)
      .where(and(eq(staff.id, staffId), eq(staff.schoolId, schoolId)));
    // A trust-level account based at the school reads as "no such account": it is not the school's to manage.
    if (!row || !isSchoolRole(row.role)) throw new DomainError('not-found', 'no such staff member');
    return row;
  }

  async function checkClasses(schoolId: string, classIds: readonly string[]) {
    if (classIds.length === 0) return;
    const found = await db
      .select({ id: classes.id })
      .from(classes)
      .where(and(eq(classes.schoolId, schoolId), inArray(classes.id, [...classIds])));
    if (found.length !== new Set(classIds).size)
      throw new DomainError('invalid', 'classIds: not all of those classes are in this school');
  }

  async function sessionFor(token: string | undefined, now = new Date()): Promise<SessionInfo | null> {
    if (!token) return null;
    const tokenHash = hashSecret(token);
    const [session] = await db
      .select()
      .from(sessions)
      .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, now)));
    if (!session || now.getTime() - session.lastSeenAt.getTime() > SESSION_IDLE_MS) return null;
    let lastSeenAt = session.lastSeenAt;
    if (now.getTime() - lastSeenAt.getTime() > 60_000) {
      await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.tokenHash, tokenHash));
      lastSeenAt = now;
    }
    const who = await staffById(session.staffId);
    if (!who) return null;
    const endsAt = new Date(Math.min(session.expiresAt.getTime(), lastSeenAt.getTime() + SESSION_IDLE_MS));
    return { staff: who, sessionKey: sessionKeyOf(tokenHash), endsAt };
  }

  return {
    staffById,
    sessionFor,

    /** Password sign-in with lockout after repeated failures. Same answer for unknown e-mail and wrong password. */
    async login(email: string, password: string, now = new Date()): Promise<LoginResult> {
      const [row] = await db
        .select({ id: staff.id, passwordHash: staff.passwordHash, disabledAt: staff.disabledAt })
        .from(staff)
        .where(eq(staff.email, email.toLowerCase()));
      if (!row || row.disabledAt) {
        await verifyPassword(password, null);
        return { ok: false, reason: 'invalid' };
      }
      const attempt = await takeAttempt(row.id, now);
      if (!attempt) {
        const [locked] = await db
          .select({ lockedUntil: staff.lockedUntil })
          .from(staff)
          .where(eq(staff.id, row.id));
        return { ok: false, reason: 'locked', lockedUntil: locked?.lockedUntil ?? undefined };
      }
      if (!(await verifyPassword(password, row.passwordHash))) {
        return attempt.lockedUntil
          ? { ok: false, reason: 'locked', lockedUntil: attempt.lockedUntil }
          : { ok: false, reason: 'invalid' };
      }
      await db.update(staff).set({ failedLogins: 0, lockedUntil: null }).where(eq(staff.id, row.id));
      const who = await staffById(row.id);
      if (!who) return { ok: false, reason: 'invalid' };
      return { ok: true, staff: who, sessionToken: await newSession(row.id, now) };
    },

    /** Single sign-on: a session for the account with this (provider-verified) e-mail, or null. */
    async loginByEmail(email: string): Promise<{ staff: Staff; sessionToken: string } | null> {
      const [row] = await db
        .select({ id: staff.id })
        .from(staff)
        .where(and(eq(staff.email, email.toLowerCase()), isNull(staff.disabledAt)));
      const who = row && (await staffById(row.id));
      if (!who) return null;
      return { staff: who, sessionToken: await newSession(who.id, new Date()) };
    },

    /** The signed-in staff member for a session cookie, sliding the idle timeout; null when expired. */
    async staffForSession(token: string | undefined, now = new Date()): Promise<Staff | null> {
      return (await sessionFor(token, now))?.staff ?? null;
    },

    /** The school's accounts; trust-level ones based here are listed but are not the admin's to change. */
    async list(schoolId: string): Promise<StaffListItem[]> {
      const rows = await db
        .select({
          id: staff.id,
          email: staff.email,
          name: staff.name,
          role: staff.role,
          lockedUntil: staff.lockedUntil,
          disabledAt: staff.disabledAt,
          deputyDsl: staff.deputyDsl,
        })
        .from(staff)
        .where(eq(staff.schoolId, schoolId))
        .orderBy(staff.name);
      return rows.map(({ disabledAt, lockedUntil, ...row }) => ({
        ...row,
        lockedUntil: lockedUntil?.toISOString() ?? null,
        disabled: disabledAt !== null,
        manageable: isSchoolRole(row.role),
      }));
    },

    /** Creates an account holding a school role; refused when the e-mail is taken or a class is not the school's. */
    async create(schoolId: string, body: CreateStaffBody) {
      if (!isSchoolRole(body.role))
        throw new DomainError('invalid', `role: a school admin gives school roles only, not ${body.role}`);
      const email = body.email.toLowerCase();
      const [taken] = await db.select({ id: staff.id }).from(staff).where(eq(staff.email, email));
      if (taken) throw new DomainError('conflict', `${email} already has an account`);
      if (body.deputyDsl && body.role !== 'dsl')
        throw new DomainError('invalid', 'deputyDsl: only a DSL account can be the deputy DSL');
      const classIds = [...new Set(body.classIds ?? [])];
      await checkClasses(schoolId, classIds);
      const id = uuidv7();
      const passwordHash = body.password ? await hashPassword(body.password) : null;
      await db.transaction(async (tx) => {
        await tx.insert(staff).values({
          id,
          schoolId,
          email,
          name: body.name,
          role: body.role,
          passwordHash,
          deputyDsl: body.deputyDsl ?? false,
        });
        if (classIds.length)
          await tx.insert(classTeachers).values(classIds.map((classId) => ({ classId, staffId: id })));
      });
      return { id };
    },

    /**
     * An admin's change to an account of the school holding a school role: name, role, classes,
     * disabled. A changed role or a disabled account ends its open consoles at once; disabling also
     * ends its sessions. An admin cannot demote or disable themselves (the school would be left
     * without one by a slip).
     */
    async update(admin: Staff, staffId: string, body: UpdateStaffBody): Promise<void> {
      const target = await manageable(admin.schoolId, staffId);
      if (body.role !== undefined && !isSchoolRole(body.role))
        throw new DomainError('invalid', `role: a school admin gives school roles only, not ${body.role}`);
      if (staffId === admin.id && ((body.role && body.role !== target.role) || body.disabled))
        throw new DomainError(
          'conflict',
          'you cannot change your own role or disable yourself; ask another admin',
        );
      const role = body.role ?? target.role;
      if (body.deputyDsl && role !== 'dsl')
        throw new DomainError('invalid', 'deputyDsl: only a DSL account can be the deputy DSL');
      const classIds = body.classIds && [...new Set(body.classIds)];
      if (classIds) await checkClasses(admin.schoolId, classIds);
      const roleChanged = body.role !== undefined && body.role !== target.role;
      await db.transaction(async (tx) => {
        const set = {
          ...(body.name !== undefined ? { name: body.name } : {}),
          ...(body.role !== undefined ? { role: body.role } : {}),
          ...(body.disabled !== undefined ? { disabledAt: body.disabled ? new Date() : null } : {}),
          // A deputy who stops being a DSL stops being the deputy.
          ...(body.deputyDsl !== undefined || role !== 'dsl'
            ? { deputyDsl: role === 'dsl' && (body.deputyDsl ?? false) }
            : {}),
        };
        if (Object.keys(set).length) await tx.update(staff).set(set).where(eq(staff.id, staffId));
        if (classIds) {
          await tx.delete(classTeachers).where(eq(classTeachers.staffId, staffId));
          if (classIds.length)
            await tx.insert(classTeachers).values(classIds.map((classId) => ({ classId, staffId })));
        }
        if (body.disabled) await tx.delete(sessions).where(eq(sessions.staffId, staffId));
      });
      // Rooms were joined for the old role and classes: the console reconnects and joins afresh.
      if (roleChanged || body.disabled || classIds) revocations.revoke({ staffId });
    },

    /** An admin's password reset: new password, lockout cleared, every session and open console of the account ended. */
    async resetPassword(schoolId: string, staffId: string, password: string): Promise<void> {
      await manageable(schoolId, staffId);
      const passwordHash = await hashPassword(password);
      await db.transaction(async (tx) => {
        await tx
          .update(staff)
          .set({ passwordHash, failedLogins: 0, lockedUntil: null })
          .where(eq(staff.id, staffId));
        await tx.delete(sessions).where(eq(sessions.staffId, staffId));
      });
      revocations.revoke({ staffId });
    },

    /** Signs out one session, and the consoles opened with it. */
    async logout(token: string | undefined): Promise<void> {
      if (!token) return;
      const tokenHash = hashSecret(token);
      await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
      revocations.revoke({ sessionKey: sessionKeyOf(tokenHash) });
    },

    /** Classes a staff member may watch: their own, or every class for the DSL. */
    async watchableClasses(who: Staff): Promise<ClassSummary[]> {
      // Written with explicit table names: Drizzle leaves columns unqualified in a single-table select, and an
      // unqualified "id" inside the subquery is the pupil's id, which made every class count 0 for the DSL.
      // Members: those at home in it, and those in it as a teaching group whose home is elsewhere (two
      // indexed counts: one "or exists" over every pupil took seconds with a secondary school's roster).
      // Pupils who left are not counted.
      const pupilCount = sql<number>`((select count(*)::int from "pupils" where "pupils"."class_id" = "classes"."id" and "pupils"."archived_at" is null) + (select count(*)::int from "group_members" join "pupils" on "pupils"."id" = "group_members"."pupil_id" where "group_members"."class_id" = "classes"."id" and "pupils"."class_id" <> "classes"."id" and "pupils"."archived_at" is null))`;
      const columns = { id: classes.id, name: classes.name, profile: classes.profile, pupilCount };
      const scope = watchScope(who);
      if (!scope) return [];
      return db.select(columns).from(classes).where(scope).orderBy(classes.name);
    },

    /** Whether the member of staff may watch the class: one indexed look-up, no counts. */
    async canWatchClass(who: Staff, classId: string): Promise<boolean> {
      const scope = watchScope(who);
      if (!scope) return false;
      const [row] = await db
        .select({ id: classes.id })
        .from(classes)
        .where(and(eq(classes.id, classId), scope))
        .limit(1);
      return row !== undefined;
    },
  };
}
export type StaffService = ReturnType<typeof createStaffService>;
