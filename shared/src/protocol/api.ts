import { z } from 'zod';
import { instant } from '../time/calendar-date';
import { safeText } from '../text/safe-text';
import { CategorySchema, PROFILES, ProfileSchema } from '../policy/categories';
import { AllowedAddressesEditSchema } from '../policy/allowed-addresses';
import { FilterStringSchema, PolicySchema } from '../policy/schema';
import { matchesUnrelatedHosts } from '../url-filter/whole-web';
import { RoleSchema, SchoolRoleSchema } from '../roles/roles';

export const LoginBodySchema = z.object({
  email: z.email().max(320),
  password: safeText().min(1).max(500),
});
export type LoginBody = z.infer<typeof LoginBodySchema>;

export const StaffSchema = z.object({
  id: safeText(),
  email: safeText(),
  name: safeText(),
  role: RoleSchema,
  schoolId: safeText(),
  schoolName: safeText(),
  /** The trust (multi-academy trust, local authority) the school belongs to, when it belongs to one. */
  trustId: safeText().nullable(),
  trustName: safeText().nullable(),
});
export type Staff = z.infer<typeof StaffSchema>;

export const ClassSummarySchema = z.object({
  id: safeText(),
  name: safeText(),
  profile: ProfileSchema,
  pupilCount: z.number().int(),
});
export type ClassSummary = z.infer<typeof ClassSummarySchema>;

export const ApiErrorSchema = z.object({
  error: safeText(),
  /** A stable name for some refusals (e.g. `illegal-category`), for clients that act on them. */
  code: safeText().optional(),
});
export type ApiError = z.infer<typeof ApiErrorSchema>;

/** A teacher's decision on an unblock request (`POST /api/requests/:eventId/decision`). */
export const RequestDecisionBodySchema = z.discriminatedUnion('decision', [
  z.object({
    decision: z.literal('approve-lesson'),
    /** Minutes the site stays open; default: the rest of the lesson (60 minutes). */
    minutes: z
      .number()
      .int()
      .min(5)
      .max(8 * 60)
      .optional(),
  }),
  z.object({ decision: z.literal('deny'), note: safeText().max(500).optional() }),
  z.object({ decision: z.literal('forward'), note: safeText().max(500).optional() }),
]);
export type RequestDecisionBody = z.infer<typeof RequestDecisionBodySchema>;

/** Open sites for a class, or focus it on a few (`POST /api/classes/:classId/overrides`). */
export const StartOverrideBodySchema = z.object({
  kind: z.enum(['open', 'focus']),
  sites: z
    .array(
      FilterStringSchema.refine((site) => !matchesUnrelatedHosts(site), {
        error: (issue) =>
          `"${String(issue.input)}" would open the whole web (or a whole domain ending) for the lesson; name the sites instead`,
      }),
    )
    .min(1)
    .max(200),
  /** Minutes from now; default 60 (the end of the lesson). */
  minutes: z
    .number()
    .int()
    .min(1)
    .max(8 * 60)
    .optional(),
});
export type StartOverrideBody = z.infer<typeof StartOverrideBodySchema>;

/** A profile's lists and category actions, as edited (`PUT /api/policies/:profile`). */
export const PolicyBodySchema = PolicySchema.omit({
  version: true,
  alwaysAllowed: true,
  overrides: true,
}).extend({
  /** Checked harder on edit than on delivery: no range wider than /8, each start exact, none twice. */
  allowedAddresses: AllowedAddressesEditSchema.optional(),
});

export const UpdatePolicyBodySchema = z.object({
  /**
   * Without `categoryLists` the stored category lists are kept: they are maintained by imports,
   * so an editor saving the profile's own lists never undoes an import made meanwhile.
   */
  policy: PolicyBodySchema.extend({ categoryLists: PolicyBodySchema.shape.categoryLists.optional() }),
  /** Every change to a list is audited: who, when, what and why. */
  reason: safeText().trim().min(5, 'say why (it goes in the change-control log)').max(2000),
  /** The version the editor started from: when someone saved meanwhile, the save is refused (409). */
  expectedVersion: z.number().int().nonnegative().optional(),
});
export type UpdatePolicyBody = z.infer<typeof UpdatePolicyBodySchema>;

/**
 * Entries of the change-control log: a profile's, the search keyword lists' (`profile: 'keywords'`),
 * a roster or timetable import's (`profile: 'roster'`), or the category data's (`categories`).
 */
export const CHANGE_LOG_SUBJECTS = [...PROFILES, 'keywords', 'roster', 'categories'] as const;
export const ChangeLogSubjectSchema = z.enum(CHANGE_LOG_SUBJECTS);
export type ChangeLogSubject = z.infer<typeof ChangeLogSubjectSchema>;

/** Filters of the change-control log (`GET /api/policies/changes?profile=KS1`). */
export const ChangeLogQuerySchema = z.object({ profile: ChangeLogSubjectSchema.optional() });

/** "Test a search": would Waymark flag this text, for this profile (`POST /api/policies/test-search`), as check-search does. */
export const TestSearchBodySchema = z.object({
  text: safeText().trim().min(1).max(1000),
  profile: ProfileSchema.default('KS2'),
});
export type TestSearchBody = z.infer<typeof TestSearchBodySchema>;

/** The DSL marks a flagged event as a false positive (`POST /api/policies/false-positives`). */
export const FalsePositiveBodySchema = z.object({ eventId: z.uuid() });

/** How often one phrase flagged the school's events, and how many of those the DSL called false. */
export const PhraseCountSchema = z.object({
  category: safeText(),
  phrase: safeText(),
  hits: z.number().int(),
  falsePositives: z.number().int(),
});
export type PhraseCount = z.infer<typeof PhraseCountSchema>;

/** "Test a URL": would this profile allow it, and which rule decides (`POST /api/policies/test-url`). */
export const TestUrlBodySchema = z.object({
  profile: ProfileSchema,
  url: safeText().min(1).max(8192),
  user: safeText().max(320).optional(),
  classId: safeText().max(100).optional(),
  at: instant().optional(),
});
export type TestUrlBody = z.infer<typeof TestUrlBodySchema>;

/** A new enrollment token (`POST /api/devices/enrollment-tokens`); the token itself is shown once. */
export const CreateEnrollmentTokenBodySchema = z
  .object({
    label: safeText().trim().min(1).max(200),
    /** Devices enrolled with it belong to this class until a signed-in pupil says otherwise. */
    classId: safeText().min(1).max(100).optional(),
    /** For devices with no class (staff laptops, a library trolley): the profile they enforce. */
    profile: ProfileSchema.optional(),
    maxUses: z.number().int().min(1).max(100_000).optional(),
    expiresInDays: z.number().int().min(1).max(3650).optional(),
  })
  .refine((body) => !(body.classId && body.profile), {
    message: 'choose a class or a profile, not both (a class already decides the profile)',
    path: ['profile'],
  });
export type CreateEnrollmentTokenBody = z.infer<typeof CreateEnrollmentTokenBodySchema>;

const reason = safeText().trim().min(5, 'say why (it goes in the change-control log)').max(2000);
const listContent = safeText().max(50_000_000);

/** Import a category list in a format schools already have (`POST /api/policies/category-lists/import`). */
export const ImportCategoryListBodySchema = z.discriminatedUnion('format', [
  z.object({ format: z.literal('domains'), category: CategorySchema, content: listContent, reason }),
  z.object({ format: z.literal('hosts'), category: CategorySchema, content: listContent, reason }),
  z.object({ format: z.literal('chrome'), category: CategorySchema, content: listContent, reason }),
  /** UT1 blacklist folders: file paths such as `gambling/domains` to their contents. */
  z.object({ format: z.literal('ut1'), files: z.record(safeText().max(500), listContent), reason }),
]);
export type ImportCategoryListBody = z.infer<typeof ImportCategoryListBodySchema>;

const password = safeText().min(10, 'passwords are at least 10 characters').max(200);

/** A staff account (`POST /api/staff`, school admin). */
export const CreateStaffBodySchema = z.object({
  email: z.email().max(320),
  name: safeText().trim().min(1).max(200),
  /** A school's admin gives school roles only: trust-level roles see other schools. */
  role: SchoolRoleSchema,
  password: password.optional(),
  /** Classes a teacher teaches. */
  classIds: z.array(safeText().min(1).max(100)).max(50).optional(),
  /** A DSL named as deputy: alerts nobody acknowledges escalate to the deputies. */
  deputyDsl: z.boolean().optional(),
});
export type CreateStaffBody = z.infer<typeof CreateStaffBodySchema>;

export const ResetPasswordBodySchema = z.object({ password });

/**
 * A change to an account (`PATCH /api/staff/:id`, school admin): its name, role, classes, or
 * whether it may sign in. Only accounts holding school roles, and only to school roles.
 */
export const UpdateStaffBodySchema = z
  .object({
    name: safeText().trim().min(1).max(200).optional(),
    role: SchoolRoleSchema.optional(),
    /** The classes a teacher teaches, replacing the current ones. */
    classIds: z.array(safeText().min(1).max(100)).max(50).optional(),
    /** A disabled account cannot sign in; its sessions and open consoles end at once. */
    disabled: z.boolean().optional(),
    /** A DSL named as deputy (or no longer): alerts nobody acknowledges escalate to the deputies. */
    deputyDsl: z.boolean().optional(),
  })
  .refine((b) => Object.values(b).some((v) => v !== undefined), { message: 'the change is empty' });
export type UpdateStaffBody = z.infer<typeof UpdateStaffBodySchema>;

/** An account as the school admin lists it (`GET /api/staff`). */
export const StaffListItemSchema = z.object({
  id: safeText(),
  email: safeText(),
  name: safeText(),
  role: RoleSchema,
  lockedUntil: safeText().nullable(),
  disabled: z.boolean(),
  deputyDsl: z.boolean(),
  /**
   * False for trust-level accounts based at the school: they are managed by whoever runs the
   * deployment (`waymark trust`), never by a school's admin.
   */
  manageable: z.boolean(),
});
export type StaffListItem = z.infer<typeof StaffListItemSchema>;

/** Classes and pupils from the school's MIS export (`POST /api/classes/import`). */
export const ClassImportBodySchema = z.object({ csv: safeText().min(1).max(20_000_000) });

/** One row of the MIS export: a pupil in a class. */
export const ClassImportRowSchema = z.object({
  class_name: safeText().trim().min(1, 'class_name is empty').max(200),
  key_stage: ProfileSchema.exclude(['staff']),
  pupil_name: safeText().trim().min(1, 'pupil_name is empty').max(200),
  pupil_email: z.email('pupil_email is not an e-mail address').max(320),
  teacher_email: z.union([z.literal(''), z.email('teacher_email is not an e-mail address')]).optional(),
});

/** Add search keywords to a category, one word or phrase per line (`POST /api/policies/keyword-lists/import`). */
export const ImportKeywordListBodySchema = z.object({
  category: CategorySchema,
  content: listContent,
  reason,
});

/** Formats a category feed may have (docs/architecture.md, "Category data"). */
export const FEED_FORMATS = ['ut1', 'hosts', 'domains', 'chrome'] as const;

/** A feed subscribed to (`POST /api/category-sources`, DSL or technician). */
export const SubscribeFeedBodySchema = z.object({
  name: safeText().trim().min(1).max(200),
  url: z.url({ protocol: /^https?$/, error: 'a feed is fetched over http or https' }).max(2000),
  format: z.enum(FEED_FORMATS),
  /** hosts, domains and chrome feeds: the category their entries go in. */
  category: CategorySchema.optional(),
  /** UT1 feeds: folder → Waymark category, over the default map (e.g. `{ "cryptojacking": "piracy" }`). */
  mapping: z.record(safeText().min(1).max(100), CategorySchema).optional(),
  /** Most bytes a fetch may download (default 200 MB). */
  maxBytes: z
    .number()
    .int()
    .min(1024)
    .max(4 * 1024 * 1024 * 1024)
    .optional(),
});
export type SubscribeFeedBody = z.infer<typeof SubscribeFeedBodySchema>;

/** Confirming a feed version that waited (a shrink by more than half, or past the size limit). */
export const ConfirmFeedBodySchema = z.object({
  reason: safeText().trim().min(5, 'say why (it goes in the change-control log)').max(2000),
});
