import { and, eq, gt, inArray } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { can, type ClassSummary, type CreateStaffBody, type Role, type Staff } from '@waymark/shared';
import type { Database } from '../db/open-database';
import { classes, classTeachers, pupils, schools, sessions, staff, trusts } from '../db/schema';
import { hashPassword, hashSecret, newSecret, verifyPassword } from '../auth/tokens';
import { sql } from 'drizzle-orm';

const SESSION_IDLE_MS = 2 * 60 * 60 * 1000;
export const SESSION_MAX_MS = 12 * 60 * 60 * 1000;
const LOCKOUT_AFTER = 5;
const LOCKOUT_MS = 15 * 60 * 1000;

type LoginResult =
  | { ok: true; staff: Staff; sessionToken: string }
  | { ok: false; reason: 'invalid' | 'locked'; lockedUntil?: Date };

export function createStaffService({ db }: { db: Database }) {
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
      .where(eq(staff.id, id));
    return row ? { ...row, role: row.role as Role } : null;
  }

  return {
    staffById,

    /** Password sign-in with lockout after repeated failures. Same answer for unknown e-mail and wrong password. */
    async login(email: string, password: string, now = new Date()): Promise<LoginResult> {
      const [row] = await db.select().from(staff).where(eq(staff.email, email.toLowerCase()));
      if (!row) {
        await verifyPassword(password, null);
        return { ok: false, reason: 'invalid' };
      }
      if (row.lockedUntil && row.lockedUntil > now)
        return { ok: false, reason: 'locked', lockedUntil: row.lockedUntil };
      if (!(await verifyPassword(password, row.passwordHash))) {
        const failed = row.failedLogins + 1;
        const lockedUntil = failed >= LOCKOUT_AFTER ? new Date(now.getTime() + LOCKOUT_MS) : null;
        await db
          .update(staff)
          .set({ failedLogins: lockedUntil ? 0 : failed, lockedUntil })
          .where(eq(staff.id, row.id));
        return lockedUntil ? { ok: false, reason: 'locked', lockedUntil } : { ok: false, reason: 'invalid' };
      }
      await db.update(staff).set({ failedLogins: 0, lockedUntil: null }).where(eq(staff.id, row.id));
      const sessionToken = newSecret();
      await db.insert(sessions).values({
        tokenHash: hashSecret(sessionToken),
        staffId: row.id,
        expiresAt: new Date(now.getTime() + SESSION_MAX_MS),
      });
      const who = await staffById(row.id);
      return { ok: true, staff: who!, sessionToken };
    },

    /** Single sign-on: a session for the account with this (provider-verified) e-mail, or null. */
    async loginByEmail(email: string): Promise<{ staff: Staff; sessionToken: string } | null> {
      const [row] = await db.select({ id: staff.id }).from(staff).where(eq(staff.email, email.toLowerCase()));
      if (!row) return null;
      const sessionToken = newSecret();
      await db.insert(sessions).values({
        tokenHash: hashSecret(sessionToken),
        staffId: row.id,
        expiresAt: new Date(Date.now() + SESSION_MAX_MS),
      });
      return { staff: (await staffById(row.id))!, sessionToken };
    },

    /** The signed-in staff member for a session cookie, sliding the idle timeout; null when expired. */
    async staffForSession(token: string | undefined, now = new Date()): Promise<Staff | null> {
      if (!token) return null;
      const tokenHash = hashSecret(token);
      const [session] = await db
        .select()
        .from(sessions)
        .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, now)));
      if (!session || now.getTime() - session.lastSeenAt.getTime() > SESSION_IDLE_MS) return null;
      if (now.getTime() - session.lastSeenAt.getTime() > 60_000) {
        await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.tokenHash, tokenHash));
      }
      return staffById(session.staffId);
    },

    async list(schoolId: string) {
      return db
        .select({
          id: staff.id,
          email: staff.email,
          name: staff.name,
          role: staff.role,
          lockedUntil: staff.lockedUntil,
        })
        .from(staff)
        .where(eq(staff.schoolId, schoolId))
        .orderBy(staff.name);
    },

    /** Creates an account; null when the e-mail is taken or a class is not the school's. */
    async create(schoolId: string, body: CreateStaffBody) {
      const email = body.email.toLowerCase();
      const [taken] = await db.select({ id: staff.id }).from(staff).where(eq(staff.email, email));
      if (taken) return { error: `${email} already has an account` } as const;
      const classIds = body.classIds ?? [];
      if (classIds.length) {
        const found = await db
          .select({ id: classes.id })
          .from(classes)
          .where(and(eq(classes.schoolId, schoolId), inArray(classes.id, classIds)));
        if (found.length !== classIds.length)
          return { error: 'classIds: not all of those classes are in this school' } as const;
      }
      const id = uuidv7();
      const passwordHash = body.password ? await hashPassword(body.password) : null;
      await db.transaction(async (tx) => {
        await tx
          .insert(staff)
          .values({ id, schoolId, email, name: body.name, role: body.role, passwordHash });
        if (classIds.length)
          await tx.insert(classTeachers).values(classIds.map((classId) => ({ classId, staffId: id })));
      });
      return { id, error: undefined } as const;
    },

    /** An admin's password reset: new password, lockout cleared, every session of the account ended. */
    async resetPassword(schoolId: string, staffId: string, password: string): Promise<boolean> {
      const passwordHash = await hashPassword(password);
      const rows = await db
        .update(staff)
        .set({ passwordHash, failedLogins: 0, lockedUntil: null })
        .where(and(eq(staff.id, staffId), eq(staff.schoolId, schoolId)))
        .returning({ id: staff.id });
      if (rows.length === 0) return false;
      await db.delete(sessions).where(eq(sessions.staffId, staffId));
      return true;
    },

    async logout(token: string | undefined): Promise<void> {
      if (token) await db.delete(sessions).where(eq(sessions.tokenHash, hashSecret(token)));
    },

    /** Classes a staff member may watch: their own, or every class for the DSL. */
    async watchableClasses(who: Staff): Promise<ClassSummary[]> {
      const pupilCount = sql<number>`(select count(*)::int from ${pupils} where ${pupils.classId} = ${classes.id})`;
      const columns = { id: classes.id, name: classes.name, profile: classes.profile, pupilCount };
      const rows = can(who.role, 'watch-all-classes')
        ? await db
            .select(columns)
            .from(classes)
            .where(eq(classes.schoolId, who.schoolId))
            .orderBy(classes.name)
        : can(who.role, 'watch-own-classes')
          ? await db
              .select(columns)
              .from(classes)
              .innerJoin(classTeachers, eq(classTeachers.classId, classes.id))
              .where(and(eq(classes.schoolId, who.schoolId), eq(classTeachers.staffId, who.id)))
              .orderBy(classes.name)
          : [];
      return rows.map((r) => ({ ...r, profile: r.profile as ClassSummary['profile'] }));
    },

    async canWatchClass(who: Staff, classId: string): Promise<boolean> {
      return (await this.watchableClasses(who)).some((c) => c.id === classId);
    },
  };
}
export type StaffService = ReturnType<typeof createStaffService>;
