import {
  addressEntryProblem,
  CATEGORIES,
  duplicateAddressOf,
  HELP_SITE_HOSTS,
  isIllegalCategory,
  parseFilter,
  UpdatePolicyBodySchema,
  type Category,
  type CategoryAction,
  type PolicyBody,
} from '@waymark/shared';

/** What the category action select offers; `unset` leaves the category out of the policy. */
export type ActionChoice = 'unset' | CategoryAction['action'];

export interface WindowDraft {
  days: number[];
  start: string;
  end: string;
}

export interface CategoryDraft {
  action: ActionChoice;
  windows: WindowDraft[];
  /** One e-mail or class id per line. */
  nominated: string;
}

/** The editor's state: lists as the text a technician pastes, one filter per line. */
export interface PolicyDraft {
  mode: PolicyBody['mode'];
  safeSearch: boolean;
  timeZone: string;
  allow: string;
  block: string;
  /** The school's own servers, opened by address: one address or range per line. */
  allowedAddresses: string;
  mirrors: NonNullable<PolicyBody['mirrors']>;
  categories: Record<Category, CategoryDraft>;
}

/** Where a problem is, so the error summary can link to the field. */
export type DraftField =
  | 'allow'
  | 'block'
  | 'allowedAddresses'
  | 'mirrors'
  | 'timeZone'
  | 'reason'
  | 'form'
  | `category-${Category}`;

/** A problem with the draft, as a message key of the policies namespace and its values. */
export interface DraftProblem {
  field: DraftField;
  key:
    | 'reasonMissing'
    | 'filterInvalid'
    | 'filterDuplicate'
    | 'addressInvalid'
    | 'addressTooWide'
    | 'addressNotStart'
    | 'addressDuplicate'
    | 'timeZoneInvalid'
    | 'windowsMissing'
    | 'windowDays'
    | 'windowTime'
    | 'windowOrder'
    | 'nominatedMissing'
    | 'invalid';
  values: Record<string, string | number>;
}

export const DEFAULT_WINDOW: WindowDraft = { days: [1, 2, 3, 4, 5], start: '12:15', end: '13:15' };

function categoryDraft(action: CategoryAction | undefined): CategoryDraft {
  if (!action) return { action: 'unset', windows: [], nominated: '' };
  return {
    action: action.action,
    windows:
      action.action === 'allow-at-times' ? action.windows.map((w) => ({ ...w, days: [...w.days] })) : [],
    nominated: action.action === 'allow-for-nominated' ? action.nominated.join('\n') : '',
  };
}

export function draftFromBody(body: PolicyBody): PolicyDraft {
  return {
    mode: body.mode,
    safeSearch: body.safeSearch,
    timeZone: body.timeZone,
    allow: body.allow.join('\n'),
    block: body.block.join('\n'),
    allowedAddresses: (body.allowedAddresses ?? []).join('\n'),
    mirrors: body.mirrors ?? 'inherit',
    categories: Object.fromEntries(CATEGORIES.map((c) => [c, categoryDraft(body.categories[c])])) as Record<
      Category,
      CategoryDraft
    >,
  };
}

/** The non-blank lines of a list, trimmed, with the line number each came from (1-based). */
export function listLines(text: string): Array<{ value: string; line: number }> {
  return text
    .split(/\r?\n/)
    .map((raw, i) => ({ value: raw.trim(), line: i + 1 }))
    .filter((l) => l.value !== '');
}

function categoryAction(draft: CategoryDraft): CategoryAction | undefined {
  switch (draft.action) {
    case 'unset':
      return undefined;
    case 'allow':
    case 'block':
      return { action: draft.action };
    case 'allow-at-times':
      return {
        action: 'allow-at-times',
        windows: draft.windows.map((w) => ({
          days: [...w.days].sort((a, b) => a - b),
          start: w.start,
          end: w.end,
        })),
      };
    case 'allow-for-nominated':
      return { action: 'allow-for-nominated', nominated: listLines(draft.nominated).map((l) => l.value) };
  }
}

/**
 * The policy the draft describes. The category lists are the stored ones (imports maintain
 * them), so the diff shows only what this editor changed.
 */
export function bodyFromDraft(draft: PolicyDraft, base: PolicyBody): PolicyBody {
  const categories: PolicyBody['categories'] = {};
  for (const c of CATEGORIES) {
    const action = categoryAction(draft.categories[c]);
    // An illegal category is blocked whatever is set; the console offers nothing else to save.
    if (isIllegalCategory(c) && action) categories[c] = { action: 'block' };
    else if (action) categories[c] = action;
  }
  const addresses = listLines(draft.allowedAddresses).map((l) => l.value);
  return {
    profile: base.profile,
    mode: draft.mode,
    safeSearch: draft.safeSearch,
    timeZone: draft.timeZone,
    allow: listLines(draft.allow).map((l) => l.value),
    block: listLines(draft.block).map((l) => l.value),
    // Left out when the stored policy has neither and the draft adds neither: nothing changed.
    ...(addresses.length > 0 || base.allowedAddresses ? { allowedAddresses: addresses } : {}),
    ...(draft.mirrors !== 'inherit' || base.mirrors ? { mirrors: draft.mirrors } : {}),
    categories,
    categoryLists: base.categoryLists,
  };
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: zone });
    return zone.trim() !== '';
  } catch {
    return false;
  }
}

function listProblems(field: 'allow' | 'block', text: string): DraftProblem[] {
  const problems: DraftProblem[] = [];
  const seen = new Map<string, number>();
  for (const { value, line } of listLines(text)) {
    const parsed = parseFilter(value);
    if (!parsed.ok) {
      problems.push({ field, key: 'filterInvalid', values: { line, value, detail: parsed.error } });
      continue;
    }
    const first = seen.get(value);
    if (first !== undefined) problems.push({ field, key: 'filterDuplicate', values: { line, value, first } });
    else seen.set(value, line);
  }
  return problems;
}

/** Each line's problem, from the shared edit guard the server applies too. */
function addressProblems(text: string): DraftProblem[] {
  const lines = listLines(text);
  const duplicates = duplicateAddressOf(lines.map((l) => l.value));
  return lines.flatMap(({ value, line }, index): DraftProblem[] => {
    const field = 'allowedAddresses';
    const problem = addressEntryProblem(value);
    if (problem?.kind === 'not-an-address')
      return [{ field, key: 'addressInvalid', values: { line, value } }];
    if (problem?.kind === 'too-wide')
      return [{ field, key: 'addressTooWide', values: { line, value, bits: problem.bits } }];
    if (problem?.kind === 'not-range-start')
      return [{ field, key: 'addressNotStart', values: { line, value, start: problem.start } }];
    const first = duplicates.get(index);
    return first === undefined
      ? []
      : [{ field, key: 'addressDuplicate', values: { line, value, first: lines[first]!.line } }];
  });
}

function windowProblems(category: Category, draft: CategoryDraft): DraftProblem[] {
  const field = `category-${category}` as const;
  if (draft.action === 'allow-at-times') {
    if (draft.windows.length === 0) return [{ field, key: 'windowsMissing', values: {} }];
    return draft.windows.flatMap((w, i): DraftProblem[] => {
      const n = i + 1;
      if (w.days.length === 0) return [{ field, key: 'windowDays', values: { n } }];
      if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(w.start) || !/^([01]\d|2[0-3]):[0-5]\d$/.test(w.end))
        return [{ field, key: 'windowTime', values: { n } }];
      if (w.start >= w.end) return [{ field, key: 'windowOrder', values: { n } }];
      return [];
    });
  }
  if (draft.action === 'allow-for-nominated' && listLines(draft.nominated).length === 0)
    return [{ field, key: 'nominatedMissing', values: {} }];
  return [];
}

type DraftCheck =
  | { ok: true; body: PolicyBody; reason: string; helpSitesBlocked: string[] }
  | { ok: false; problems: DraftProblem[] };

/** The field a schema issue belongs to. */
function fieldOf(path: readonly PropertyKey[]): DraftField {
  const [top, part, category] = path;
  if (top === 'reason') return 'reason';
  if (
    part === 'allow' ||
    part === 'block' ||
    part === 'allowedAddresses' ||
    part === 'mirrors' ||
    part === 'timeZone'
  )
    return part;
  if (part === 'categories' && typeof category === 'string') return `category-${category as Category}`;
  return 'form';
}

/**
 * Checks a draft the way the server will: first field by field (for messages that point at a
 * line), then the whole request with the shared schema the server validates it with.
 */
export function checkDraft(draft: PolicyDraft, base: PolicyBody, reason: string): DraftCheck {
  const problems: DraftProblem[] = [
    ...listProblems('allow', draft.allow),
    ...listProblems('block', draft.block),
    ...addressProblems(draft.allowedAddresses),
    ...(isTimeZone(draft.timeZone)
      ? []
      : [
          {
            field: 'timeZone',
            key: 'timeZoneInvalid',
            values: { zone: draft.timeZone },
          } satisfies DraftProblem,
        ]),
    ...CATEGORIES.flatMap((c) => windowProblems(c, draft.categories[c])),
  ];
  const body = bodyFromDraft(draft, base);
  const parsed = UpdatePolicyBodySchema.safeParse({ policy: body, reason });
  if (!parsed.success) {
    // Whatever the field checks above did not already say, in the schema's own words.
    for (const issue of parsed.error.issues) {
      const field = fieldOf(issue.path);
      if (problems.some((p) => p.field === field)) continue;
      problems.push(
        field === 'reason'
          ? { field, key: 'reasonMissing', values: {} }
          : { field, key: 'invalid', values: { detail: issue.message } },
      );
    }
  }
  if (problems.length > 0 || !parsed.success) return { ok: false, problems };
  return { ok: true, body, reason: parsed.data.reason, helpSitesBlocked: helpSitesIn(body.block) };
}

/** Block-list entries that name a help site: they have no effect, since help is never blocked. */
function helpSitesIn(filters: readonly string[]): string[] {
  return filters.filter((f) => {
    const parsed = parseFilter(f);
    if (!parsed.ok) return false;
    const host = parsed.filter.host;
    return HELP_SITE_HOSTS.some((h) => host === h || host.endsWith(`.${h}`));
  });
}
