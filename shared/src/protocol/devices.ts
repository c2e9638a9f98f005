import { z } from 'zod';
import { safeText } from '../text/safe-text';
import { ProfileSchema } from '../policy/categories';
import { DeviceHardeningSchema, HARDENING_CHECKS } from './events';

/** The school's device inventory from its asset register (`POST /api/devices/expected/import`). */
export const ExpectedDevicesImportBodySchema = z.object({
  csv: safeText().min(1, 'the file is empty').max(5_000_000, 'the file is larger than 5 MB'),
});
export type ExpectedDevicesImportBody = z.infer<typeof ExpectedDevicesImportBodySchema>;

/** One row of the inventory CSV (header row with `asset_tag` and `name`; other columns are ignored). */
export const ExpectedDeviceRowSchema = z.object({
  asset_tag: safeText()
    .trim()
    .min(1, 'asset_tag is empty')
    .max(100, 'asset_tag is longer than 100 characters'),
  name: safeText().trim().min(1, 'name is empty').max(200, 'name is longer than 200 characters'),
});

/** A problem with one line of an imported file (the header is line 1). */
export const ImportProblemSchema = z.object({ line: z.number().int(), error: safeText() });
export type ImportProblem = z.infer<typeof ImportProblemSchema>;

export const ExpectedDeviceSchema = z.object({
  assetTag: safeText(),
  name: safeText(),
  importedAt: safeText(),
});
export type ExpectedDevice = z.infer<typeof ExpectedDeviceSchema>;

/** A class a device or enrollment token can belong to (`GET /api/devices/classes`). */
export const DeviceClassSchema = z.object({ id: safeText(), name: safeText(), profile: ProfileSchema });
export type DeviceClass = z.infer<typeof DeviceClassSchema>;

/** One device as the technician sees it, with what is wrong with it. */
export const DeviceHealthRowSchema = z.object({
  id: safeText(),
  name: safeText(),
  assetTag: safeText().nullable(),
  classId: safeText().nullable(),
  className: safeText().nullable(),
  /** The profile the device enforces (null until it has connected since this was recorded). */
  profile: ProfileSchema.nullable(),
  lastIp: safeText().nullable(),
  extensionVersion: safeText().nullable(),
  /** The policy version the device last reported applying (null: none reported yet). */
  policyVersion: z.number().int().nullable(),
  /** The current version of its profile's policy. */
  currentPolicyVersion: z.number().int().nullable(),
  lastSeenAt: safeText().nullable(),
  enrolledAt: safeText(),
  online: z.boolean(),
  /** Minutes of school time (school days, school hours) since it was last heard from; 0 while online. */
  silentSchoolMinutes: z.number().int(),
  tamperCount: z.number().int(),
  lastTamperAt: safeText().nullable(),
  lastTamperWhat: safeText().nullable(),
  silent: z.boolean(),
  oldExtension: z.boolean(),
  oldPolicy: z.boolean(),
  /** What the device last reported of its hardening (null: it has not said). */
  hardening: DeviceHardeningSchema.nullable(),
  /** The hardening checks the device reported false: device policy is missing or partly applied. */
  missingHardening: z.array(z.enum(HARDENING_CHECKS)),
});
export type DeviceHealthRow = z.infer<typeof DeviceHealthRowSchema>;

/** Every device of the school and the technician's health summary (`GET /api/devices/health`). */
export const DeviceHealthReportSchema = z.object({
  generatedAt: safeText(),
  schoolHours: z.object({
    timeZone: safeText(),
    dayStart: safeText(),
    dayEnd: safeText(),
    silentAfterMinutes: z.number().int(),
  }),
  /** The newest extension version seen on any of the school's devices. */
  newestExtensionVersion: safeText().nullable(),
  currentPolicyVersions: z.partialRecord(ProfileSchema, z.number().int()),
  tamperWindowDays: z.number().int(),
  summary: z.object({
    devices: z.number().int(),
    online: z.number().int(),
    expected: z.number().int(),
    neverEnrolled: z.number().int(),
    silent: z.number().int(),
    oldExtension: z.number().int(),
    oldPolicy: z.number().int(),
    tamper: z.number().int(),
    /** Devices that report some hardening missing. */
    missingHardening: z.number().int(),
  }),
  devices: z.array(DeviceHealthRowSchema),
  /** Devices in the inventory that have never connected (matched on asset tag). */
  neverEnrolled: z.array(ExpectedDeviceSchema),
});
export type DeviceHealthReport = z.infer<typeof DeviceHealthReportSchema>;

/** An enrollment token as listed (`GET /api/devices/enrollment-tokens`); its value is never shown again. */
export const EnrollmentTokenSummarySchema = z.object({
  id: safeText(),
  label: safeText(),
  classId: safeText().nullable(),
  profile: ProfileSchema.nullable(),
  uses: z.number().int(),
  maxUses: z.number().int().nullable(),
  expiresAt: safeText().nullable(),
  revokedAt: safeText().nullable(),
  createdAt: safeText(),
});
export type EnrollmentTokenSummary = z.infer<typeof EnrollmentTokenSummarySchema>;

/** The answer to creating a token: the only time its value is shown. */
export const CreatedEnrollmentTokenSchema = z.object({
  id: safeText(),
  token: safeText(),
  label: safeText(),
  expiresAt: safeText().nullable(),
  maxUses: z.number().int().nullable(),
});
export type CreatedEnrollmentToken = z.infer<typeof CreatedEnrollmentTokenSchema>;
