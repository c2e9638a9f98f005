import { z } from 'zod';
import { safeText } from '../text/safe-text';
import { calendarDate } from '../time/calendar-date';
import { ComplianceItemSchema } from './compliance-model';

const CountSchema = z.object({ key: safeText(), count: z.number().int().nonnegative() });

/** The people named for filtering and monitoring when the pack was prepared. */
export const ReviewPackRolesSchema = z.object({
  dsl: z.array(safeText()),
  deputyDsl: z.array(safeText()),
  seniorLeader: z.array(safeText()),
  governor: z.array(safeText()),
  technician: z.array(safeText()),
});

/**
 * The annual review pack's content: what the senior leader and a governor sign. Figures and
 * staff names only, never a pupil's (no incident outcomes, which are free text about pupils).
 * Frozen as canonical JSON with its SHA-256 once both have signed.
 */
export const ReviewPackContentSchema = z.object({
  format: z.literal(1),
  school: z.object({ id: safeText(), name: safeText() }),
  /** The school year starting 1 September `year`. */
  year: z.number().int(),
  /** The period counted: the first day and the day after the last (the year so far, for this year). */
  from: calendarDate(),
  to: calendarDate(),
  timeZone: safeText(),
  generatedAt: z.iso.datetime(),
  preparedBy: z.object({ name: safeText(), role: safeText() }),
  /** What the school plans to do about the gaps, in the preparer's words. */
  notes: safeText().nullable(),
  roles: ReviewPackRolesSchema,
  policyChanges: z.array(
    z.object({
      at: z.iso.datetime(),
      profile: safeText(),
      version: z.number().int(),
      by: safeText(),
      reason: safeText(),
      summary: z.array(safeText()),
    }),
  ),
  /** Filtering checks, from the checks evidence provider. */
  checks: ComplianceItemSchema,
  blocked: z.object({
    total: z.number().int(),
    byCategory: z.array(CountSchema),
    byKeyStage: z.array(CountSchema),
  }),
  alerts: z.object({
    total: z.number().int(),
    acknowledged: z.number().int(),
    inTime: z.number().int(),
    byCategory: z.array(CountSchema),
    byKeyStage: z.array(CountSchema),
  }),
  incidents: z.object({
    total: z.number().int(),
    byCategory: z.array(
      z.object({
        key: safeText(),
        open: z.number().int(),
        closedWithOutcome: z.number().int(),
        closedWithoutOutcome: z.number().int(),
      }),
    ),
    byAction: z.array(CountSchema),
  }),
  devices: z.object({
    devices: z.number().int(),
    online: z.number().int(),
    silent: z.number().int(),
    oldExtension: z.number().int(),
    oldPolicy: z.number().int(),
    expected: z.number().int(),
    neverEnrolled: z.number().int(),
    missingHardening: z.number().int(),
  }),
  /** Every requirement at risk or not met when the pack was prepared. */
  gaps: z.array(ComplianceItemSchema),
  /**
   * The incident log's chain head when the pack was prepared: kept outside the database (printed,
   * signed), so `waymark verify-log --since-anchor <hash>` can later prove the log up to here was
   * never rewritten. Absent from packs prepared before it was added.
   */
  incidentLog: z.object({ anchor: safeText(), entries: z.number().int() }).optional(),
});
export type ReviewPackContent = z.infer<typeof ReviewPackContentSchema>;

const REVIEW_SIGNER_ROLES = ['senior-leader', 'governor'] as const;
export const ReviewSignerRoleSchema = z.enum(REVIEW_SIGNER_ROLES);

export const ReviewPackSignatureSchema = z.object({
  role: ReviewSignerRoleSchema,
  name: safeText(),
  signedAt: z.iso.datetime(),
  contentHash: safeText(),
});

/** A pack as listed and served: its state, hash and signatures (content when one pack is asked for). */
export const ReviewPackSchema = z.object({
  id: z.uuid(),
  year: z.number().int(),
  status: z.enum(['draft', 'signed']),
  contentHash: safeText(),
  preparedBy: safeText(),
  preparedAt: z.iso.datetime(),
  signedAt: z.iso.datetime().nullable(),
  signatures: z.array(ReviewPackSignatureSchema),
});
export type ReviewPack = z.infer<typeof ReviewPackSchema>;

/** The oldest school year a pack may be prepared for. */
export const FIRST_REVIEW_YEAR = 2020;

/** `POST /api/compliance/review-packs`: prepare (or, while unsigned, prepare again) a year's pack. */
export const PrepareReviewPackBodySchema = z.object({
  year: z.number().int().min(FIRST_REVIEW_YEAR).max(2100),
  notes: safeText().trim().max(5_000).optional(),
});
export type PrepareReviewPackBody = z.infer<typeof PrepareReviewPackBodySchema>;

/** `POST /api/compliance/review-packs/:id/signatures`: sign the content whose hash the signer saw. */
export const SignReviewPackBodySchema = z.object({
  contentHash: z.string().regex(/^[0-9a-f]{64}$/, 'contentHash must be a SHA-256 in hex'),
});
