import { alias } from 'drizzle-orm/pg-core';
import { and, desc, eq, getTableColumns, gt, inArray, isNotNull, isNull, lte, or, sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import {
  VISITOR_PASS_MAX_HOURS,
  type Country,
  type CreateEnrollmentTokenBody,
  type DeviceAuth,
  type DeviceHardening,
  type IssueVisitorPassBody,
  type Profile,
  type PupilLocale,
  type Staff,
  type VisitorNotice,
  type VisitorPass,
} from '@waymark/shared';
import { createGroupCommit } from '../../db/group-commit';
import { inFlight } from '../../db/in-flight';
import type { Database } from '../../db/open-database';
import { classes, devices, enrollmentTokens, pupils, schools, staff } from '../../db/schema';
import { DomainError } from '../../errors/domain-error';
import { DEFAULT_VISITOR_NOTICE } from '../../seed/visitor-notice';
import { hashSecret, newSecret } from '../auth-and-accounts';
import type { PlacementService } from '../teaching-groups';

/** Who a connected device is, and whose policy it enforces. */
export interface DeviceIdentity {
  deviceId: string;
  deviceName: string;
  schoolId: string;
  schoolName: string;
  country: Country;
  /** The language of the school's pupils' pages. */
  pupilLocale: PupilLocale;
  user: string | null;
  pupilName: string | null;
  classId: string | null;
  className: string | null;
  profile: Profile;
  /** Where the profile came from: the server decides it, never the device. */
  profileSource: ProfileSource;
  /** Set when this connection enrolled the device: the token it must use from now on. */
  issuedToken: string | null;
  /** A device enrolled with a visitor pass: whose it is, until when, and the notice it shows first. */
  visitor: { id: string; name: string; expiresAt: Date; notice: string } | null;
}

export class DeviceAuthError extends Error {}

/**
 * What decided a device's profile: the signed-in pupil's class, the class the device was enrolled
 * into, the profile its enrollment token (the school's device record) names, or nothing known.
 */
type ProfileSource = 'pupil-class' | 'device-class' | 'device-record' | 'unknown';

type SchoolRow = { name: string; country: string; pupilLocale: string; visitorNotice: string | null };
type GroupRow = { id: string; name: string; profile: Profile; profileOverride: Profile | null };

interface ConnectedWrite {
  id: string;
  at: Date;
  ip: string | null;
  user: string | null;
  extensionVersion: string;
  profile: Profile | null;
}

/** What the connection's first read already holds, so `resolve` does not read it again. */
interface Known {
  school: SchoolRow;
  pass: typeof enrollmentTokens.$inferSelect | null;
  pupil: { id: string; name: string; email: string; classId: string } | null;
  groups: GroupRow[];
}

/** With no pupil and no class we know nothing about the user: enforce the strictest pupil profile. */
const UNKNOWN_PROFILE: Profile = 'EYFS';

export function createDeviceService({ db, placement }: { db: Database; placement?: PlacementService }) {
  /** The school's details every connecting device reads: one read for the devices connecting together. */
  const schoolOf = inFlight<SchoolRow | undefined>();

  /**
   * A known device's connection: the device by its token, with its school, its visitor pass, the
   * signed-in pupil and the home group (the pupil's, else the device's) in one read
   * (docs/architecture.md, "Connection set-up reads").
   */
  async function deviceByToken(tokenHash: string, user: string | null) {
    const home = alias(classes, 'home_class');
    const [row] = await db
      .select({
        device: getTableColumns(devices),
        school: {
          name: schools.name,
          country: schools.country,
          pupilLocale: schools.pupilLocale,
          visitorNotice: schools.visitorNotice,
        },
        pass: getTableColumns(enrollmentTokens),
        pupil: { id: pupils.id, name: pupils.name, email: pupils.email, classId: pupils.classId },
        home: { id: home.id, name: home.name, profile: home.profile, profileOverride: home.profileOverride },
      })
      .from(devices)
      .innerJoin(schools, eq(schools.id, devices.schoolId))
      .leftJoin(
        enrollmentTokens,
        and(eq(enrollmentTokens.id, devices.enrollmentTokenId), isNotNull(enrollmentTokens.visitorName)),
      )
      .leftJoin(
        pupils,
        user
          ? and(eq(pupils.email, user), eq(pupils.schoolId, devices.schoolId), isNull(pupils.archivedAt))
          : sql`false`,
      )
      .leftJoin(home, eq(home.id, sql`coalesce(${pupils.classId}, ${devices.classId})`))
      .where(eq(devices.tokenHash, tokenHash));
    if (!row) return null;
    const known: Known = {
      school: row.school,
      pass: row.pass?.id ? row.pass : null,
      pupil: row.pupil?.id ? row.pupil : null,
      groups: row.home?.id ? [row.home] : [],
    };
    return { device: row.device, known };
  }

  async function resolve(
    device: typeof devices.$inferSelect,
    user: string | null,
    issuedToken: string | null,
    known?: Known,
  ): Promise<DeviceIdentity> {
    const school =
      known?.school ??
      (await schoolOf(device.schoolId, () =>
        db
          .select({
            name: schools.name,
            country: schools.country,
            pupilLocale: schools.pupilLocale,
            visitorNotice: schools.visitorNotice,
          })
          .from(schools)
          .where(eq(schools.id, device.schoolId))
          .then(([row]) => row),
      ));
    const [pass] = known
      ? known.pass
        ? [known.pass]
        : []
      : device.enrollmentTokenId
        ? await db
            .select()
            .from(enrollmentTokens)
            .where(
              and(eq(enrollmentTokens.id, device.enrollmentTokenId), isNotNull(enrollmentTokens.visitorName)),
            )
        : [];
    const pupilLocale = school!.pupilLocale as PupilLocale;
    const visitor = pass
      ? {
          id: pass.id,
          name: pass.visitorName!,
          expiresAt: pass.revokedAt && pass.revokedAt < pass.expiresAt! ? pass.revokedAt : pass.expiresAt!,
          notice: school!.visitorNotice ?? DEFAULT_VISITOR_NOTICE[pupilLocale],
        }
      : null;
    // A pupil who left (archived) is no longer the school's pupil on this device.
    const [pupil] = known
      ? known.pupil
        ? [known.pupil]
        : []
      : user
        ? await db
            .select({ id: pupils.id, name: pupils.name, email: pupils.email, classId: pupils.classId })
            .from(pupils)
            .where(
              and(eq(pupils.email, user), eq(pupils.schoolId, device.schoolId), isNull(pupils.archivedAt)),
            )
        : [];
    // The signed-in pupil is in the group of their lesson now (timetable or session), else at home.
    const placed = pupil && placement ? await placement.placementOf(device.schoolId, pupil) : null;
    const classId = placed?.classId ?? pupil?.classId ?? device.classId;
    // The lesson's group and the pupil's home group, in one read (none when the first read had them).
    const groupIds = [...new Set([classId, pupil?.classId].filter((id): id is string => !!id))];
    const held = known?.groups ?? [];
    const missing = groupIds.filter((id) => !held.some((g) => g.id === id));
    const groups = missing.length
      ? [
          ...held,
          ...(await db
            .select({
              id: classes.id,
              name: classes.name,
              profile: classes.profile,
              profileOverride: classes.profileOverride,
            })
            .from(classes)
            .where(inArray(classes.id, missing))),
        ]
      : held;
    const klass = groups.find((g) => g.id === classId);
    const home = pupil && klass ? (groups.find((g) => g.id === pupil.classId) ?? klass) : klass;
    // The pupil's own profile is their home group's; the group of their lesson may override it.
    const ownProfile = home ? (home.profileOverride ?? home.profile) : null;
    const [profile, profileSource]: [Profile, ProfileSource] = klass
      ? [
          klass.profileOverride ?? ownProfile ?? klass.profile,
          pupil?.classId ? 'pupil-class' : 'device-class',
        ]
      : device.assignedProfile
        ? [device.assignedProfile, 'device-record']
        : [UNKNOWN_PROFILE, 'unknown'];
    return {
      deviceId: device.id,
      deviceName: device.name,
      schoolId: device.schoolId,
      schoolName: school!.name,
      country: school!.country as Country,
      pupilLocale,
      user,
      // A visitor's events carry the visitor's name (a visitor device has no pupil).
      pupilName: visitor ? `${visitor.name} (visitor)` : (pupil?.name ?? null),
      classId: klass?.id ?? null,
      className: klass?.name ?? null,
      profile,
      profileSource,
      issuedToken,
      visitor,
    };
  }

  /**
   * A known device connecting: seen now, online, who uses it, its extension's version, and (unless
   * null) the profile it enforces. The devices connecting together are written in one statement
   * (docs/architecture.md, "Connection set-up reads").
   */
  const connected = createGroupCommit<ConnectedWrite, void>({
    maxBatch: 1000,
    async writeBatch(rows) {
      const values = rows.map(
        (r) =>
          sql`(${r.id}, ${r.at.toISOString()}::timestamptz, ${r.ip}::text, ${r.user}::text, ${r.extensionVersion}::text, ${r.profile}::text)`,
      );
      await db.execute(sql`
        update ${devices} as d set
          last_seen_at = v.at, last_ip = v.ip, last_user = v.usr, extension_version = v.ver,
          online = true, enforced_profile = coalesce(v.profile, d.enforced_profile)
        from (values ${sql.join(values, sql`, `)}) as v(id, at, ip, usr, ver, profile)
        where d.id = v.id`);
      return rows.map(() => undefined);
    },
  });

  /** Remembers the profile a device now enforces, so the technician can tell a stale policy. */
  async function enforcing(identity: DeviceIdentity): Promise<DeviceIdentity> {
    await db
      .update(devices)
      .set({ enforcedProfile: identity.profile })
      .where(eq(devices.id, identity.deviceId));
    return identity;
  }

  async function visitorNotice(schoolId: string): Promise<VisitorNotice> {
    const [school] = await db
      .select({ notice: schools.visitorNotice, pupilLocale: schools.pupilLocale })
      .from(schools)
      .where(eq(schools.id, schoolId));
    if (!school) throw new DomainError('not-found', 'no such school');
    return {
      notice: school.notice,
      defaultNotice: DEFAULT_VISITOR_NOTICE[school.pupilLocale as PupilLocale],
    };
  }

  return {
    /**
     * A device presents its own token, or (first time) the school's enrollment token, which
     * enrolls it and issues a per-device token. Throws DeviceAuthError with a reason otherwise.
     * The profile comes from the school's records; a profile the device claims is not read here.
     */
    async authenticate(auth: DeviceAuth, ip: string | null, now = new Date()): Promise<DeviceIdentity> {
      const user = auth.user?.toLowerCase() ?? null;
      if (auth.deviceToken) {
        const found = await deviceByToken(hashSecret(auth.deviceToken), user);
        if (found) {
          const { device } = found;
          const identity = await resolve(device, user, null, found.known);
          const ended = identity.visitor !== null && identity.visitor.expiresAt <= now;
          // One write: seen now, and (unless its pass ended) the profile it enforces from now;
          // written with those of the devices connecting together, in one statement.
          await connected.write({
            id: device.id,
            at: now,
            ip,
            user,
            extensionVersion: auth.extensionVersion,
            profile: ended ? null : identity.profile,
          });
          if (ended) throw new DeviceAuthError('visitor pass ended');
          return identity;
        }
        if (!auth.enrollmentToken) throw new DeviceAuthError('unknown device token');
      }
      const token = auth.enrollmentToken!;
      // PGlite has one connection: nothing may query `db` while this transaction is open.
      const enrolled = await db.transaction(async (tx) => {
        const [enrollment] = await tx
          .select()
          .from(enrollmentTokens)
          .where(
            and(
              eq(enrollmentTokens.tokenHash, hashSecret(token)),
              isNull(enrollmentTokens.revokedAt),
              or(isNull(enrollmentTokens.expiresAt), gt(enrollmentTokens.expiresAt, now)),
              or(
                isNull(enrollmentTokens.maxUses),
                sql`${enrollmentTokens.uses} < ${enrollmentTokens.maxUses}`,
              ),
            ),
          );
        if (!enrollment)
          throw new DeviceAuthError('enrollment token is unknown, revoked, expired or used up');
        const deviceToken = newSecret();
        const [device] = await tx
          .insert(devices)
          .values({
            id: uuidv7(),
            schoolId: enrollment.schoolId,
            tokenHash: hashSecret(deviceToken),
            name: auth.deviceName,
            assetTag: auth.assetTag ?? null,
            classId: enrollment.classId,
            assignedProfile: enrollment.profile,
            enrollmentTokenId: enrollment.id,
            lastUser: user,
            lastIp: ip,
            extensionVersion: auth.extensionVersion,
            lastSeenAt: now,
            online: true,
          })
          .returning();
        await tx
          .update(enrollmentTokens)
          .set({ uses: sql`${enrollmentTokens.uses} + 1` })
          .where(eq(enrollmentTokens.id, enrollment.id));
        return { device: device!, deviceToken };
      });
      return enforcing(await resolve(enrolled.device, user, enrolled.deviceToken));
    },

    /** Every device of a school, for the technician: last seen, versions, online state. */
    async list(schoolId: string) {
      return db
        .select({
          id: devices.id,
          name: devices.name,
          assetTag: devices.assetTag,
          classId: devices.classId,
          className: classes.name,
          lastUser: devices.lastUser,
          lastIp: devices.lastIp,
          extensionVersion: devices.extensionVersion,
          policyVersion: devices.policyVersion,
          lastSeenAt: devices.lastSeenAt,
          online: devices.online,
          enrolledAt: devices.enrolledAt,
        })
        .from(devices)
        .leftJoin(classes, eq(classes.id, devices.classId))
        .where(eq(devices.schoolId, schoolId))
        .orderBy(devices.name);
    },

    async enrollmentTokens(schoolId: string) {
      return db
        .select({
          id: enrollmentTokens.id,
          label: enrollmentTokens.label,
          classId: enrollmentTokens.classId,
          profile: enrollmentTokens.profile,
          uses: enrollmentTokens.uses,
          maxUses: enrollmentTokens.maxUses,
          expiresAt: enrollmentTokens.expiresAt,
          revokedAt: enrollmentTokens.revokedAt,
          createdAt: enrollmentTokens.createdAt,
        })
        .from(enrollmentTokens)
        .where(eq(enrollmentTokens.schoolId, schoolId))
        .orderBy(enrollmentTokens.label);
    },

    /** Creates a token; the plain value is returned once and only its hash is kept. */
    async createEnrollmentToken(schoolId: string, body: CreateEnrollmentTokenBody, now = new Date()) {
      if (body.classId) {
        const [klass] = await db
          .select()
          .from(classes)
          .where(and(eq(classes.id, body.classId), eq(classes.schoolId, schoolId)));
        if (!klass) return null;
      }
      const token = newSecret(24);
      const [row] = await db
        .insert(enrollmentTokens)
        .values({
          id: uuidv7(),
          schoolId,
          tokenHash: hashSecret(token),
          label: body.label,
          classId: body.classId ?? null,
          profile: body.profile ?? null,
          maxUses: body.maxUses ?? null,
          expiresAt: body.expiresInDays ? new Date(now.getTime() + body.expiresInDays * 86_400_000) : null,
        })
        .returning();
      return { token, id: row!.id, label: row!.label, expiresAt: row!.expiresAt, maxUses: row!.maxUses };
    },

    /**
     * Issues a visitor pass: an enrollment token for one device, with the visitor's name and
     * profile, that ends at most VISITOR_PASS_MAX_HOURS from now. The token is returned once.
     */
    async issueVisitorPass(who: Staff, body: IssueVisitorPassBody, now = new Date()) {
      const expiresAt = new Date(body.expiresAt);
      if (expiresAt <= now) throw new DomainError('invalid', 'a visitor pass must end in the future');
      if (expiresAt.getTime() - now.getTime() > VISITOR_PASS_MAX_HOURS * 3_600_000)
        throw new DomainError('invalid', `a visitor pass lasts at most ${VISITOR_PASS_MAX_HOURS / 24} days`);
      const token = newSecret(24);
      const [row] = await db
        .insert(enrollmentTokens)
        .values({
          id: uuidv7(),
          schoolId: who.schoolId,
          tokenHash: hashSecret(token),
          label: `Visitor pass: ${body.visitorName}`,
          profile: body.profile,
          maxUses: 1,
          expiresAt,
          visitorName: body.visitorName,
          issuedBy: who.id,
        })
        .returning();
      return { ...passSummary({ ...row!, issuedByName: who.name }), token };
    },

    /** The notice a visitor's device shows before its first page: the school's own, or the default. */
    visitorNotice,

    /** Sets the school's own visitor notice (null: the default again). Devices enrolling from now on show it. */
    async setVisitorNotice(schoolId: string, notice: string | null): Promise<VisitorNotice> {
      await db.update(schools).set({ visitorNotice: notice }).where(eq(schools.id, schoolId));
      return visitorNotice(schoolId);
    },

    async visitorPasses(schoolId: string): Promise<VisitorPass[]> {
      const rows = await db
        .select({ ...getTableColumns(enrollmentTokens), issuedByName: staff.name })
        .from(enrollmentTokens)
        .leftJoin(staff, eq(staff.id, enrollmentTokens.issuedBy))
        .where(and(eq(enrollmentTokens.schoolId, schoolId), isNotNull(enrollmentTokens.visitorName)))
        .orderBy(desc(enrollmentTokens.createdAt));
      return rows.map(passSummary);
    },

    /** Ends a pass now: its device is refused from its next connection (it may be offline). */
    async revokeVisitorPass(schoolId: string, id: string, now = new Date()): Promise<string[]> {
      const rows = await db
        .update(enrollmentTokens)
        .set({ revokedAt: now })
        .where(
          and(
            eq(enrollmentTokens.id, id),
            eq(enrollmentTokens.schoolId, schoolId),
            isNotNull(enrollmentTokens.visitorName),
            isNull(enrollmentTokens.revokedAt),
          ),
        )
        .returning();
      if (rows.length === 0) return [];
      const enrolled = await db
        .select({ id: devices.id })
        .from(devices)
        .where(eq(devices.enrollmentTokenId, id));
      return enrolled.map((d) => d.id);
    },

    async revokeEnrollmentToken(schoolId: string, id: string, now = new Date()): Promise<boolean> {
      const rows = await db
        .update(enrollmentTokens)
        .set({ revokedAt: now })
        .where(
          and(
            eq(enrollmentTokens.id, id),
            eq(enrollmentTokens.schoolId, schoolId),
            isNull(enrollmentTokens.revokedAt),
          ),
        )
        .returning();
      return rows.length > 0;
    },

    /**
     * Where the signed-in pupils of these connected devices are now (docs/architecture.md, "Teaching
     * groups and the timetable"): new identities for those whose lesson group, and so class or
     * profile, changed. One batch for the whole school, for a period boundary.
     */
    async relocate(schoolId: string, identities: DeviceIdentity[], now?: Date): Promise<DeviceIdentity[]> {
      const pupilsSignedIn = identities.filter((i) => i.user && !i.visitor && i.schoolId === schoolId);
      if (!placement || pupilsSignedIn.length === 0) return [];
      const { placements } = await placement.placements(schoolId, { now });
      const byEmail = new Map([...placements.values()].map((p) => [p.email, p]));
      const groups = new Map(
        (await db.select().from(classes).where(eq(classes.schoolId, schoolId))).map((c) => [c.id, c]),
      );
      const changed: DeviceIdentity[] = [];
      for (const identity of pupilsSignedIn) {
        // Not a pupil of the school (staff, a visitor, one who left): as it connected.
        const placed = byEmail.get(identity.user!);
        const klass = placed && groups.get(placed.classId);
        const home = placed && groups.get(placed.homeClassId);
        if (!klass || !home) continue;
        const profile = klass.profileOverride ?? home.profileOverride ?? home.profile;
        if (klass.id === identity.classId && profile === identity.profile) continue;
        changed.push({
          ...identity,
          classId: klass.id,
          className: klass.name,
          profile,
          profileSource: 'pupil-class',
        });
      }
      return changed;
    },

    /** Who a device is now (its class and profile), for events the server raises about it. */
    async identityOf(deviceId: string): Promise<DeviceIdentity> {
      const [device] = await db.select().from(devices).where(eq(devices.id, deviceId));
      if (!device) throw new Error(`no device ${deviceId}`);
      return resolve(device, device.lastUser, null);
    },

    /**
     * The device's connection closed at `now`. Not when it has been seen since: with several
     * processes, it may already have reconnected to another one, whose "online" this must not undo.
     */
    async markOffline(deviceId: string, now = new Date()): Promise<void> {
      await db
        .update(devices)
        .set({ online: false, lastSeenAt: now })
        .where(and(eq(devices.id, deviceId), or(isNull(devices.lastSeenAt), lte(devices.lastSeenAt, now))));
    },

    async recordHeartbeat(
      deviceId: string,
      policyVersion: number,
      extensionVersion: string,
      hardening: DeviceHardening | undefined,
      now = new Date(),
    ) {
      await db
        .update(devices)
        // An older extension says nothing of its hardening: what was last known stays.
        .set({
          policyVersion,
          extensionVersion,
          lastSeenAt: now,
          online: true,
          ...(hardening ? { hardening } : {}),
        })
        .where(eq(devices.id, deviceId));
    },
  };
}
export type DeviceService = ReturnType<typeof createDeviceService>;

function passSummary(
  row: typeof enrollmentTokens.$inferSelect & { issuedByName: string | null },
): VisitorPass {
  return {
    id: row.id,
    visitorName: row.visitorName!,
    profile: row.profile!,
    expiresAt: row.expiresAt!.toISOString(),
    issuedByName: row.issuedByName,
    createdAt: row.createdAt.toISOString(),
    revokedAt: row.revokedAt?.toISOString() ?? null,
    used: row.uses > 0,
  };
}
