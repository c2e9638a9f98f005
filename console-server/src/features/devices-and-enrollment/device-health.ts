import { and, asc, eq, gte, sql } from 'drizzle-orm';
import {
  HARDENING_CHECKS,
  type DeviceClass,
  type DeviceHealthReport,
  type DeviceHealthRow,
  type Profile,
} from '@waymark/shared';
import type { Database } from '../../db/open-database';
import { classes, devices, events, expectedDevices, policies, schools } from '../../db/schema';
import { compareVersions, newestVersion, schoolMinutesBetween } from './device-health-rules';

/** Tamper alerts in the device list are counted over this many days. */
const TAMPER_WINDOW_DAYS = 7;

/**
 * The technician's view of the school's devices: each device with what is wrong with it, and a
 * summary. A device is
 * - silent when it is offline and has missed more of the school day than the school allows
 *   (`silentAfterMinutes` of school time since it was last heard from);
 * - on an old extension when a newer version is published on this server or runs on any of the
 *   school's devices;
 * - on an old policy when the version it last applied is behind its profile's current policy
 *   (or it has applied none);
 * and an expected device (from the imported inventory) never enrolled when no device with its
 * asset tag has ever connected. Hardening a device reported false (force-install, a locked proxy,
 * the school's policy file) is listed as missing.
 */
export function createDeviceHealthService({
  db,
  publishedVersions = async () => [],
}: {
  db: Database;
  /** The versions of the packages this server publishes for self-hosted updates. */
  publishedVersions?: () => Promise<string[]>;
}) {
  return {
    async report(schoolId: string, now = new Date()): Promise<DeviceHealthReport> {
      const [school] = await db.select().from(schools).where(eq(schools.id, schoolId));
      if (!school) throw new Error(`no school ${schoolId}`);
      const rows = await db
        .select({
          id: devices.id,
          name: devices.name,
          assetTag: devices.assetTag,
          classId: devices.classId,
          className: classes.name,
          classProfile: classes.profile,
          assignedProfile: devices.assignedProfile,
          enforcedProfile: devices.enforcedProfile,
          lastIp: devices.lastIp,
          extensionVersion: devices.extensionVersion,
          policyVersion: devices.policyVersion,
          lastSeenAt: devices.lastSeenAt,
          enrolledAt: devices.enrolledAt,
          online: devices.online,
          hardening: devices.hardening,
        })
        .from(devices)
        .leftJoin(classes, eq(classes.id, devices.classId))
        .where(eq(devices.schoolId, schoolId))
        .orderBy(asc(devices.name));

      const currentPolicyVersions: Partial<Record<Profile, number>> = {};
      for (const row of await db
        .select({ profile: policies.profile, version: policies.version })
        .from(policies)
        .where(eq(policies.schoolId, schoolId))) {
        currentPolicyVersions[row.profile] = row.version;
      }

      const tamperSince = new Date(now.getTime() - TAMPER_WINDOW_DAYS * 86_400_000);
      const tamper = new Map(
        (
          await db
            .select({
              deviceId: events.deviceId,
              count: sql<number>`count(*)::int`,
              lastAt: sql<Date>`max(${events.occurredAt})`,
              lastWhat: sql<
                string | null
              >`(array_agg(${events.details}->>'what' order by ${events.occurredAt} desc))[1]`,
            })
            .from(events)
            .where(
              and(
                eq(events.schoolId, schoolId),
                eq(events.kind, 'tamper'),
                gte(events.occurredAt, tamperSince),
              ),
            )
            .groupBy(events.deviceId)
        ).map((t) => [t.deviceId, t]),
      );

      const newestExtensionVersion = newestVersion([
        ...rows.map((r) => r.extensionVersion),
        ...(await publishedVersions()),
      ]);
      const hours = { timeZone: school.timeZone, dayStart: school.dayStart, dayEnd: school.dayEnd };

      const deviceRows: DeviceHealthRow[] = rows.map((row) => {
        const profile = row.enforcedProfile ?? row.classProfile ?? row.assignedProfile;
        const currentPolicyVersion = profile ? (currentPolicyVersions[profile] ?? null) : null;
        const silentSchoolMinutes =
          row.online || !row.lastSeenAt ? 0 : schoolMinutesBetween(row.lastSeenAt, now, hours);
        const tampered = tamper.get(row.id);
        return {
          id: row.id,
          name: row.name,
          assetTag: row.assetTag,
          classId: row.classId,
          className: row.className,
          profile,
          lastIp: row.lastIp,
          extensionVersion: row.extensionVersion,
          policyVersion: row.policyVersion,
          currentPolicyVersion,
          lastSeenAt: row.lastSeenAt?.toISOString() ?? null,
          enrolledAt: row.enrolledAt.toISOString(),
          online: row.online,
          silentSchoolMinutes,
          tamperCount: tampered?.count ?? 0,
          lastTamperAt: tampered ? new Date(tampered.lastAt).toISOString() : null,
          lastTamperWhat: tampered?.lastWhat ?? null,
          silent: !row.online && silentSchoolMinutes > school.silentAfterMinutes,
          oldExtension:
            newestExtensionVersion !== null &&
            row.extensionVersion !== null &&
            compareVersions(row.extensionVersion, newestExtensionVersion) < 0,
          oldPolicy:
            currentPolicyVersion !== null &&
            (row.policyVersion === null || row.policyVersion < currentPolicyVersion),
          hardening: row.hardening,
          missingHardening: HARDENING_CHECKS.filter((check) => row.hardening?.[check] === false),
        };
      });

      const expected = await db
        .select()
        .from(expectedDevices)
        .where(eq(expectedDevices.schoolId, schoolId))
        .orderBy(asc(expectedDevices.assetTag));
      const enrolledTags = new Set(
        rows.flatMap((r) => (r.assetTag ? [r.assetTag.trim().toLowerCase()] : [])),
      );
      const neverEnrolled = expected
        .filter((e) => !enrolledTags.has(e.assetTag.toLowerCase()))
        .map((e) => ({ assetTag: e.assetTag, name: e.name, importedAt: e.importedAt.toISOString() }));

      const count = (test: (d: DeviceHealthRow) => boolean) => deviceRows.filter(test).length;
      return {
        generatedAt: now.toISOString(),
        schoolHours: { ...hours, silentAfterMinutes: school.silentAfterMinutes },
        newestExtensionVersion,
        currentPolicyVersions,
        tamperWindowDays: TAMPER_WINDOW_DAYS,
        summary: {
          devices: deviceRows.length,
          online: count((d) => d.online),
          expected: expected.length,
          neverEnrolled: neverEnrolled.length,
          silent: count((d) => d.silent),
          missingHardening: count((d) => d.missingHardening.length > 0),
          oldExtension: count((d) => d.oldExtension),
          oldPolicy: count((d) => d.oldPolicy),
          tamper: count((d) => d.tamperCount > 0),
        },
        devices: deviceRows,
        neverEnrolled,
      };
    },

    /** The school's classes, for binding enrollment tokens and filtering the device list. */
    async classes(schoolId: string): Promise<DeviceClass[]> {
      const rows = await db
        .select({ id: classes.id, name: classes.name, profile: classes.profile })
        .from(classes)
        .where(eq(classes.schoolId, schoolId))
        .orderBy(asc(classes.name));
      return rows;
    },
  };
}
export type DeviceHealthService = ReturnType<typeof createDeviceHealthService>;
