import { z } from 'zod';
import { safeText } from '../text/safe-text';
import { CategorySchema, ProfileSchema } from '../policy/categories';
import { MAX_INT4 } from '../text/safe-text';

/**
 * Filtering checks (DfE "Filtering and monitoring standards": checks recorded). Each device says
 * what *it* does with each test address, from the policy it holds, so a check proves the device
 * and not the server's opinion (docs/architecture.md, "Filtering checks").
 */

/**
 * What a role without `see-illegal-urls` reads in place of an illegal-category test address (and
 * of the device's rule naming it); the console shows its own words for it.
 */
export const HIDDEN_TEST_ADDRESS = 'an illegal-category test address (shown to the DSL only)';
export const HIDDEN_TEST_RULE = 'an illegal-category list';

/** Test addresses one check sends a device at most (the starter set and the school's own). */
export const FILTER_CHECK_ADDRESSES_MAX = 100;
/** Devices one check may go to at once. */
export const FILTER_CHECK_DEVICES_MAX = 500;

export const TestAddressUrlSchema = safeText()
  .trim()
  .max(2048)
  .refine(
    (u) => {
      try {
        return /^https?:$/.test(new URL(u).protocol);
      } catch {
        return false;
      }
    },
    { message: 'an http(s) address' },
  );

/** One test address: which category it stands for, and what it is (a person reads the note). */
export const TestAddressSchema = z.object({
  url: TestAddressUrlSchema,
  category: CategorySchema,
  note: safeText().trim().max(300),
});
export type TestAddress = z.infer<typeof TestAddressSchema>;

/**
 * A test address as the console is sent it: for a role without `see-illegal-urls`, an
 * illegal-category address reads `HIDDEN_TEST_ADDRESS` in place of the URL.
 */
export const ShownTestAddressSchema = TestAddressSchema.extend({ url: safeText() });

/** A test address in the school's list: the starter set's (fixed) or the school's own (removable). */
export const ListedTestAddressSchema = ShownTestAddressSchema.extend({
  id: safeText(),
  source: z.enum(['starter', 'school']),
  addedBy: safeText().nullable(),
});
export type ListedTestAddress = z.infer<typeof ListedTestAddressSchema>;

/** `POST /api/filter-checks/addresses`: the school adds one of its own. */
export const AddTestAddressBodySchema = TestAddressSchema.extend({
  note: safeText().trim().min(3, 'say what the address is (a person reads it later)').max(300),
});
export type AddTestAddressBody = z.infer<typeof AddTestAddressBodySchema>;

const Id = safeText().min(1).max(100);

/** What a check runs on: chosen devices, a class's devices, or every device enforcing a profile. */
export const FilterCheckTargetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('devices'), deviceIds: z.array(Id).min(1).max(FILTER_CHECK_DEVICES_MAX) }),
  z.object({ kind: z.literal('class'), classId: Id }),
  z.object({ kind: z.literal('profile'), profile: ProfileSchema }),
]);
export type FilterCheckTarget = z.infer<typeof FilterCheckTargetSchema>;

/** `POST /api/filter-checks`. */
export const RunFilterCheckBodySchema = z.object({ target: FilterCheckTargetSchema });
export type RunFilterCheckBody = z.infer<typeof RunFilterCheckBodySchema>;

// --- Server → device, and the device's answer (protocol 3) ---

/** Server → device (`filter-check`, acked): decide each address with the policy you hold. */
export const FilterCheckRequestSchema = z.object({
  checkId: Id,
  urls: z.array(TestAddressUrlSchema).min(1).max(FILTER_CHECK_ADDRESSES_MAX),
});
export type FilterCheckRequest = z.infer<typeof FilterCheckRequestSchema>;

export const VERDICTS = ['blocked', 'allowed'] as const;
export const VerdictSchema = z.enum(VERDICTS);
export type Verdict = z.infer<typeof VerdictSchema>;

/** What the device does with one address, and the rule of its own policy that decided. */
export const DeviceVerdictSchema = z.object({
  url: TestAddressUrlSchema,
  verdict: VerdictSchema,
  rule: safeText().max(500),
  category: CategorySchema.nullable(),
});
export type DeviceVerdict = z.infer<typeof DeviceVerdictSchema>;

/** The device's answer, in the ack: its policy version and profile, and a verdict per address asked. */
export const FilterCheckAnswerSchema = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    policyVersion: z.number().int().nonnegative().max(MAX_INT4),
    profile: ProfileSchema,
    results: z.array(DeviceVerdictSchema).max(FILTER_CHECK_ADDRESSES_MAX),
  }),
  z.object({ ok: z.literal(false), error: safeText().max(500) }),
]);
export type FilterCheckAnswer = z.infer<typeof FilterCheckAnswerSchema>;
export type FilterCheckAck = (answer: FilterCheckAnswer) => void;

// --- The record ---

/**
 * Per address on one device: `pass` (the device does what its policy says, and blocks what it
 * should), `fail` (it allows what its current policy blocks: a stale or altered device),
 * `gap` (the device and its policy both allow an address of a category the policy blocks, or of
 * an illegal category: the address is on no list), `over-blocked` (it blocks what its policy allows).
 */
export const CHECK_OUTCOMES = ['pass', 'fail', 'gap', 'over-blocked'] as const;
export const CheckOutcomeSchema = z.enum(CHECK_OUTCOMES);
export type CheckOutcome = z.infer<typeof CheckOutcomeSchema>;

export const AddressResultSchema = z.object({
  url: safeText(),
  /** The category the test address stands for. */
  category: CategorySchema,
  verdict: VerdictSchema,
  /** The rule of the device's own policy that decided. */
  rule: safeText(),
  /** What the server's current policy for the device says. */
  expected: VerdictSchema,
  outcome: CheckOutcomeSchema,
});
export type AddressResult = z.infer<typeof AddressResultSchema>;

/**
 * Per device: `checked`; `offline` (not connected: not checked); `update-needed` (connected with
 * an extension too old to answer: not checked); `no-answer` (connected, but no valid answer in time).
 */
export const DEVICE_CHECK_STATUSES = ['checked', 'offline', 'update-needed', 'no-answer'] as const;
export type DeviceCheckStatus = (typeof DEVICE_CHECK_STATUSES)[number];

export const DeviceCheckResultSchema = z.object({
  deviceId: safeText(),
  deviceName: safeText(),
  className: safeText().nullable(),
  profile: ProfileSchema.nullable(),
  status: z.enum(DEVICE_CHECK_STATUSES),
  error: safeText().nullable(),
  /** The policy version the device holds (its answer), and the server's for its profile. */
  policyVersion: z.number().int().nullable(),
  serverPolicyVersion: z.number().int().nullable(),
  results: z.array(AddressResultSchema),
});
export type DeviceCheckResult = z.infer<typeof DeviceCheckResultSchema>;

export const FollowUpSchema = z.object({
  id: safeText(),
  staffName: safeText(),
  note: safeText(),
  /** The person says the failures are dealt with: the check no longer counts as open. */
  resolved: z.boolean(),
  at: safeText(),
});
export type FollowUp = z.infer<typeof FollowUpSchema>;

/** `POST /api/filter-checks/:id/follow-ups`: what was done about a failure. */
export const AddFollowUpBodySchema = z.object({
  note: safeText().trim().min(3, 'say what was done').max(2000),
  resolved: z.boolean().default(false),
});
export type AddFollowUpBody = z.infer<typeof AddFollowUpBodySchema>;

export const FilterCheckRecordSchema = z.object({
  id: safeText(),
  /** Who ran it; null for the scheduled check. */
  staffName: safeText().nullable(),
  scheduled: z.boolean(),
  target: FilterCheckTargetSchema,
  /** The target in words ("Year 2 (Owls)", "KS3 devices", "3 chosen devices", "a sample of 5 online devices"). */
  targetLabel: safeText(),
  addresses: z.array(ShownTestAddressSchema),
  devices: z.array(DeviceCheckResultSchema),
  /** Addresses a device allowed that its policy blocks, over all devices. */
  failures: z.number().int(),
  gaps: z.number().int(),
  /** Devices not checked (offline, too old, no answer). */
  notChecked: z.number().int(),
  /** Failures found and no follow-up yet marked resolved. */
  open: z.boolean(),
  followUps: z.array(FollowUpSchema),
  startedAt: safeText(),
  finishedAt: safeText(),
});
export type FilterCheckRecord = z.infer<typeof FilterCheckRecordSchema>;

/** For other features (the compliance screen): checks in a period and failures still open. */
export interface FilterCheckSummary {
  from: string;
  to: string;
  checks: number;
  scheduledChecks: number;
  checksWithFailures: number;
  /** Checks (any time) whose failures no follow-up has yet marked resolved. */
  openFailures: number;
  lastCheckAt: string | null;
}

/** The scheduled check, per school: every N days (0: off), on a sample of online devices, in school hours. */
export const FilterCheckScheduleSchema = z.object({
  everyDays: z.number().int().min(0).max(90),
  sampleSize: z.number().int().min(1).max(100),
});
export type FilterCheckSchedule = z.infer<typeof FilterCheckScheduleSchema>;

/** `GET /api/filter-checks/targets`: what a check can run on. */
export const FilterCheckTargetsSchema = z.object({
  classes: z.array(z.object({ id: safeText(), name: safeText(), profile: ProfileSchema })),
  devices: z.array(
    z.object({
      id: safeText(),
      name: safeText(),
      className: safeText().nullable(),
      profile: ProfileSchema.nullable(),
      online: z.boolean(),
    }),
  ),
});
export type FilterCheckTargets = z.infer<typeof FilterCheckTargetsSchema>;
