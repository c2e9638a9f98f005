import { z } from 'zod';
import { safeText } from '../text/safe-text';
import { parseFilter } from '../url-filter/parse-filter';
import { CategorySchema, isIllegalCategory, ProfileSchema } from './categories';
import { AddressRangeSchema } from './raw-address';
import { DEFAULT_TIME_ZONE } from '../time/clock';

/** A Chrome URLBlocklist/URLAllowlist filter, validated with the same parser the matcher uses. */
export const FilterStringSchema = safeText().superRefine((value, ctx) => {
  const parsed = parseFilter(value);
  if (!parsed.ok) ctx.addIssue({ code: 'custom', message: `invalid filter "${value}": ${parsed.error}` });
});

const HHMM = safeText().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'time must be HH:MM (24-hour)');

/** A weekly window, e.g. Mon–Fri 12:00–13:00. Days are ISO weekdays (1 = Monday … 7 = Sunday). */
export const TimeWindowSchema = z
  .object({
    days: z.array(z.number().int().min(1).max(7)).min(1),
    start: HHMM,
    end: HHMM,
  })
  .refine((w) => w.start < w.end, { message: 'a time window must end after it starts' });
export type TimeWindow = z.infer<typeof TimeWindowSchema>;

export const CategoryActionSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('allow') }),
  z.object({ action: z.literal('block') }),
  z.object({ action: z.literal('allow-at-times'), windows: z.array(TimeWindowSchema).min(1) }),
  z.object({
    action: z.literal('allow-for-nominated'),
    /** Pupil or staff e-mails, or class ids, that may use the category. */
    nominated: z.array(safeText().min(1)).min(1),
  }),
]);
export type CategoryAction = z.infer<typeof CategoryActionSchema>;

/**
 * A profile's category actions. An illegal category's only action is `block`: no allow, no time
 * window, no nominated user, for anyone (docs/architecture.md, "Illegal content is always blocked").
 * Left unset it is blocked all the same.
 */
export const CategoryActionsSchema = z
  .partialRecord(CategorySchema, CategoryActionSchema)
  .superRefine((actions, ctx) => {
    for (const [category, action] of Object.entries(actions)) {
      if (action && isIllegalCategory(category) && action.action !== 'block') {
        ctx.addIssue({
          code: 'custom',
          path: [category],
          message: `${category} is illegal content: its only action is "block" (it is blocked for everyone, at all times, whatever else is allowed)`,
        });
      }
    }
  });

export const LessonOverrideSchema = z
  .object({
    id: safeText().min(1),
    classId: safeText().min(1),
    /** `open`: these sites are allowed as well; `focus`: only these sites (and help) are allowed. */
    kind: z.enum(['open', 'focus']),
    sites: z.array(FilterStringSchema).min(1).max(200),
    startsAt: z.iso.datetime(),
    endsAt: z.iso.datetime(),
    createdBy: safeText().min(1),
  })
  .refine((o) => o.startsAt < o.endsAt, { message: 'an override must end after it starts' });
export type LessonOverride = z.infer<typeof LessonOverrideSchema>;

export const PolicySchema = z.object({
  /** Increases with every change; devices report the version they applied. */
  version: z.number().int().nonnegative(),
  profile: ProfileSchema,
  /** `allow-list`: only listed sites load. `block-list`: everything loads except blocked categories and sites. */
  mode: z.enum(['allow-list', 'block-list']),
  allow: z.array(FilterStringSchema),
  block: z.array(FilterStringSchema),
  categories: CategoryActionsSchema,
  /**
   * Known sites of each category. Never stored with a policy nor sent with one: they live in the
   * category store (server) and the device's category data, and are put here only to compile or
   * evaluate (`withCategoryLists`). Empty on the wire.
   */
  categoryLists: z.partialRecord(CategorySchema, z.array(FilterStringSchema)).default({}),
  /** The console server and the school's sign-in domains: never blocked. */
  alwaysAllowed: z.array(FilterStringSchema),
  overrides: z.array(LessonOverrideSchema),
  /** Lock SafeSearch on Google, Bing and DuckDuckGo and YouTube's Restricted Mode. */
  safeSearch: z.boolean().default(true),
  /** IANA zone the school's time windows are written in. */
  timeZone: safeText().min(1).default(DEFAULT_TIME_ZONE),
  /**
   * Raw IP addresses a pupil may open (the school's own servers): addresses or IPv4 ranges; none
   * when absent. Every other address is refused on block-list profiles, since an address skips
   * every domain rule.
   */
  allowedAddresses: z.array(AddressRangeSchema).max(200).optional(),
  /**
   * Mirrors (translate proxies, web archives, search caches): `inherit` (the default) the verdict
   * of the site they carry, or `block` them all.
   */
  mirrors: z.enum(['inherit', 'block']).optional(),
});
export type Policy = z.infer<typeof PolicySchema>;
export type PolicyInput = z.input<typeof PolicySchema>;
