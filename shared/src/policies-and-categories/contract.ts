import { z } from 'zod';
import { endpoint, OkResponseSchema, WireInstantSchema } from '../contract/endpoint';
import { safeText } from '../text/safe-text';
import { CategorySchema, ProfileSchema } from '../policy/categories';
import { PolicySchema } from '../policy/schema';
import type { Decision } from '../policy/evaluate';
import { IncidentCategorySchema } from '../incidents/kinds';
import { RiskSchema } from '../detection/types';
import {
  CHANGE_LOG_SUBJECTS,
  ConfirmFeedBodySchema,
  SubscribeFeedBodySchema,
  ChangeLogSubjectSchema,
  FalsePositiveBodySchema,
  ImportCategoryListBodySchema,
  ImportKeywordListBodySchema,
  PhraseCountSchema,
  TestSearchBodySchema,
  TestUrlBodySchema,
  UpdatePolicyBodySchema,
} from '../protocol/api';

/** A profile's policy as stored (checked as delivered; an edit is checked harder, `PolicyBodySchema`). */
const StoredPolicyBodySchema = PolicySchema.omit({ version: true, alwaysAllowed: true, overrides: true });

/** A profile at a glance (`GET /api/policies`). */
export const ProfileSummarySchema = z.object({
  profile: ProfileSchema,
  version: z.number().int(),
  updatedAt: WireInstantSchema,
  updatedBy: safeText().nullable(),
  mode: PolicySchema.shape.mode,
  allowCount: z.number().int(),
  blockCount: z.number().int(),
  blockedCategoryCount: z.number().int(),
});
export type ProfileSummary = z.infer<typeof ProfileSummarySchema>;

export const StoredPolicySchema = z.object({
  body: StoredPolicyBodySchema,
  version: z.number().int(),
  updatedAt: WireInstantSchema,
  updatedBy: safeText().nullable(),
});
export type StoredPolicy = z.infer<typeof StoredPolicySchema>;

/** An entry of the change-control log. */
export const PolicyChangeSchema = z.object({
  id: z.number().int(),
  profile: ChangeLogSubjectSchema,
  version: z.number().int(),
  changedByName: safeText(),
  reason: safeText(),
  summary: z.array(safeText()),
  at: WireInstantSchema,
});
export type PolicyChange = z.infer<typeof PolicyChangeSchema>;

/** A line of an imported file that was not imported, and why. */
export const BadLineSchema = z.object({
  file: safeText().optional(),
  /** 1-based; 0 when the problem is the whole file. */
  line: z.number().int(),
  text: safeText(),
  error: safeText(),
});
export type BadLine = z.infer<typeof BadLineSchema>;

const AddedCountsSchema = z.object({ added: z.number().int(), alreadyListed: z.number().int() });

export const CategoryImportSummarySchema = z.object({
  format: z.enum(['domains', 'hosts', 'chrome', 'ut1']),
  categories: z.partialRecord(CategorySchema, AddedCountsSchema),
  /** Lines that were not imported, by number (the first 500; `badCount` has them all). */
  bad: z.array(BadLineSchema),
  badCount: z.number().int(),
  unmapped: z.array(safeText()),
  /** From a Chrome policy: URLAllowlist entries, not put in any category. */
  allowEntries: z.array(safeText()),
  /** The uploads source's version after the import. */
  version: z.number().int(),
});
export type CategoryImportSummary = z.infer<typeof CategoryImportSummarySchema>;

export const KeywordImportSummarySchema = AddedCountsSchema.extend({ bad: z.array(BadLineSchema) });
export type KeywordImportSummary = z.infer<typeof KeywordImportSummarySchema>;

export const DecisionSchema = z.object({
  verdict: z.enum(['allowed', 'blocked']),
  rule: safeText(),
  // The rule sources are a type in policy-entries.ts; checked as text here.
  source: z.custom<Decision['source']>((v) => typeof v === 'string'),
  category: CategorySchema.nullable(),
});

export const DetectionSchema = z.object({
  flagged: z.boolean(),
  severity: RiskSchema.nullable(),
  categories: z.array(CategorySchema),
  matches: z.array(
    z.object({
      phrase: safeText(),
      category: CategorySchema,
      risk: RiskSchema,
      text: safeText(),
      incidentKind: IncidentCategorySchema,
      source: z.enum(['library', 'school']),
    }),
  ),
  benign: z.array(safeText()),
});

/** Profiles, their lists, keyword lists and the change-control log: `/api/policies`. */
export const policiesContract = {
  profiles: endpoint({
    method: 'GET',
    path: '/api/policies',
    response: z.object({ profiles: z.array(ProfileSummarySchema) }),
  }),
  changes: endpoint({
    method: 'GET',
    path: '/api/policies/changes',
    query: z.object({
      profile: z
        .enum(CHANGE_LOG_SUBJECTS, { error: `profile must be one of ${CHANGE_LOG_SUBJECTS.join(', ')}` })
        .optional(),
    }),
    response: z.object({ changes: z.array(PolicyChangeSchema) }),
  }),
  importCategoryList: endpoint({
    method: 'POST',
    path: '/api/policies/category-lists/import',
    body: ImportCategoryListBodySchema,
    response: z.object({ summary: CategoryImportSummarySchema }),
  }),
  keywordLists: endpoint({
    method: 'GET',
    path: '/api/policies/keyword-lists',
    response: z.object({ keywords: z.partialRecord(CategorySchema, z.array(safeText())) }),
  }),
  importKeywords: endpoint({
    method: 'POST',
    path: '/api/policies/keyword-lists/import',
    body: ImportKeywordListBodySchema,
    response: z.object({ summary: KeywordImportSummarySchema }),
  }),
  testSearch: endpoint({
    method: 'POST',
    path: '/api/policies/test-search',
    body: TestSearchBodySchema,
    response: z.object({ detection: DetectionSchema }),
  }),
  markFalsePositive: endpoint({
    method: 'POST',
    path: '/api/policies/false-positives',
    body: FalsePositiveBodySchema,
    response: z.object({
      falsePositive: z.object({
        eventId: safeText(),
        markedByName: safeText(),
        markedAt: WireInstantSchema,
        phrases: z.array(z.object({ category: safeText(), phrase: safeText() })),
        /** False when the event was already marked (by anyone). */
        recorded: z.boolean(),
      }),
    }),
  }),
  phraseCounts: endpoint({
    method: 'GET',
    path: '/api/policies/phrase-counts',
    response: z.object({ phrases: z.array(PhraseCountSchema) }),
  }),
  testUrl: endpoint({
    method: 'POST',
    path: '/api/policies/test-url',
    body: TestUrlBodySchema,
    response: z.object({
      decision: DecisionSchema,
      /** The category lists (sources) holding the deciding entry. */
      lists: z.array(safeText()),
      version: z.number().int(),
    }),
  }),
  policy: endpoint({ method: 'GET', path: '/api/policies/:profile', response: StoredPolicySchema }),
  save: endpoint({
    method: 'PUT',
    path: '/api/policies/:profile',
    body: UpdatePolicyBodySchema,
    response: z.object({ version: z.number().int(), summary: z.array(safeText()) }),
  }),
};

/** A category source as the console lists it (`GET /api/category-sources`). */
export const CategorySourceSummarySchema = z.object({
  id: safeText(),
  name: safeText(),
  kind: z.enum(['starter', 'manual', 'feed']),
  format: safeText(),
  url: safeText().nullable(),
  category: safeText().nullable(),
  version: z.number().int(),
  entryCount: z.number().int(),
  counts: z.record(safeText(), z.number().int()),
  status: z.enum(['ok', 'failed', 'awaiting-confirmation', 'legacy', 'adopting']),
  lastError: safeText().nullable(),
  checkedAt: WireInstantSchema.nullable(),
  updatedAt: WireInstantSchema.nullable(),
  pending: z.object({ version: z.number().int(), reason: safeText(), entries: z.number().int() }).nullable(),
});
export type CategorySourceSummary = z.infer<typeof CategorySourceSummarySchema>;

const VersionChangesSchema = z.object({
  added: z.number().int(),
  removed: z.number().int(),
  byCategory: z.record(safeText(), z.object({ added: z.number().int(), removed: z.number().int() })),
});

const FeedReportSchema = z.object({
  entries: z.number().int(),
  badLines: z.number().int(),
  /** The first few bad lines, for the person who looks. */
  badSamples: z.array(z.object({ file: safeText().optional(), line: z.number().int(), error: safeText() })),
  unmapped: z.array(safeText()),
  refused: z.array(safeText()),
});

/** What fetching a feed came to. */
export const FeedOutcomeSchema = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('unchanged') }),
  z.object({
    outcome: z.literal('updated'),
    version: z.number().int(),
    changes: VersionChangesSchema,
    report: FeedReportSchema,
  }),
  z.object({
    outcome: z.literal('awaiting-confirmation'),
    version: z.number().int(),
    reason: safeText(),
    report: FeedReportSchema,
  }),
  z.object({ outcome: z.literal('failed'), error: safeText() }),
]);
export type FeedOutcome = z.infer<typeof FeedOutcomeSchema>;

/**
 * Category sources (`/api/category-sources`): the starter lists, uploads and feeds; subscribing to
 * a feed, fetching it now, confirming or refusing a version that waited, and unsubscribing.
 */
export const categorySourcesContract = {
  list: endpoint({
    method: 'GET',
    path: '/api/category-sources',
    response: z.object({ sources: z.array(CategorySourceSummarySchema) }),
  }),
  subscribe: endpoint({
    method: 'POST',
    path: '/api/category-sources',
    body: SubscribeFeedBodySchema,
    response: z.object({ id: safeText(), outcome: FeedOutcomeSchema }),
    status: 201,
  }),
  refresh: endpoint({
    method: 'POST',
    path: '/api/category-sources/:id/refresh',
    /** `force=1`: fetch the whole feed, not only when it changed. */
    query: z.object({ force: safeText().optional() }),
    response: z.object({ outcome: FeedOutcomeSchema }),
  }),
  confirm: endpoint({
    method: 'POST',
    path: '/api/category-sources/:id/confirm',
    body: ConfirmFeedBodySchema,
    response: z.object({ version: z.number().int(), changes: VersionChangesSchema }),
  }),
  reject: endpoint({ method: 'POST', path: '/api/category-sources/:id/reject', response: OkResponseSchema }),
  remove: endpoint({ method: 'DELETE', path: '/api/category-sources/:id', response: OkResponseSchema }),
};
