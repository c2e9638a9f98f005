import { z } from 'zod';
import { safeText } from '../text/safe-text';

/**
 * The DfE "Filtering and monitoring standards for schools and colleges", as the compliance screen
 * groups its evidence: roles and responsibilities; review at least yearly (and checks recorded);
 * filtering that blocks harmful content without unreasonably stopping teaching; effective monitoring.
 */
export const STANDARDS = ['roles', 'review', 'filtering', 'monitoring'] as const;
export const StandardSchema = z.enum(STANDARDS);
export type Standard = z.infer<typeof StandardSchema>;

const COMPLIANCE_STATUSES = ['met', 'at-risk', 'not-met'] as const;
export const ComplianceStatusSchema = z.enum(COMPLIANCE_STATUSES);
export type ComplianceStatus = z.infer<typeof ComplianceStatusSchema>;

/**
 * Each requirement the screen shows, one evidence provider each (console-server's `compliance`
 * feature). A provider added later (e.g. recorded filtering checks) replaces or joins these.
 */
export const COMPLIANCE_ITEMS = [
  'named-roles',
  'annual-review',
  'filtering-checks',
  'devices-covered',
  'illegal-blocked',
  'safe-search-circumvention',
  'blocked-attempts-recorded',
  'alerts-acknowledged',
  'incidents-recorded',
  'users-told',
] as const;
export const ComplianceItemIdSchema = z.enum(COMPLIANCE_ITEMS);
export type ComplianceItemId = z.infer<typeof ComplianceItemIdSchema>;

/** A figure of an item's evidence: a count, a date (ISO), or a list of names. */
export const ComplianceValueSchema = z.union([z.number(), safeText(), z.array(safeText()), z.null()]);
export type ComplianceValue = z.infer<typeof ComplianceValueSchema>;

export const ComplianceItemSchema = z.object({
  id: ComplianceItemIdSchema,
  standard: StandardSchema,
  status: ComplianceStatusSchema,
  /** Why the status is what it is: a reason code of the item (its words are in `complianceText`). */
  reason: safeText(),
  /** The live evidence, by figure key (words in `complianceText`), in the order shown. */
  figures: z.array(z.object({ key: safeText(), value: ComplianceValueSchema })),
  /** The console screen that fixes it; null when no console screen does (e.g. accounts, set by the admin). */
  fix: safeText().nullable(),
});
export type ComplianceItem = z.infer<typeof ComplianceItemSchema>;

export const ComplianceReportSchema = z.object({
  generatedAt: z.iso.datetime(),
  /** The rolling window the event figures count over, in days. */
  windowDays: z.number().int().positive(),
  items: z.array(ComplianceItemSchema),
});
export type ComplianceReport = z.infer<typeof ComplianceReportSchema>;

/** The worst of some statuses: what a standard shows when one of its items is at risk or not met. */
export function worstStatus(statuses: Iterable<ComplianceStatus>): ComplianceStatus {
  let worst: ComplianceStatus = 'met';
  for (const s of statuses) {
    if (COMPLIANCE_STATUSES.indexOf(s) > COMPLIANCE_STATUSES.indexOf(worst)) worst = s;
  }
  return worst;
}
