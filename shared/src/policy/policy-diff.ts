import { appendAll } from '../util/append-all';
import { isIllegalCategory, type Category } from './categories';
import type { CategoryAction, Policy } from './schema';

export type PolicyBody = Omit<Policy, 'version' | 'alwaysAllowed' | 'overrides'>;

const MIRRORS_IN_WORDS: Record<NonNullable<Policy['mirrors']>, string> = {
  inherit: 'each treated as the site it copies',
  block: 'all blocked',
};

function describeAction(action: CategoryAction | undefined): string {
  if (!action) return 'not set';
  switch (action.action) {
    case 'allow-at-times':
      return `allow at ${action.windows.map((w) => `${w.start}–${w.end} on days ${w.days.join(',')}`).join('; ')}`;
    case 'allow-for-nominated':
      return `allow for ${action.nominated.join(', ')}`;
    default:
      return action.action;
  }
}

function listDiff(
  name: string,
  before: readonly string[],
  after: readonly string[],
  countsOnly = false,
): string[] {
  const was = new Set(before);
  const now = new Set(after);
  const added = after.filter((x) => !was.has(x));
  const removed = before.filter((x) => !now.has(x));
  // An imported list can add thousands: name the first few and count the rest. An illegal
  // category's sites are never named: the log is read by governors, and only the DSL sees them.
  const some = (xs: string[]) =>
    countsOnly
      ? `${xs.length} ${xs.length === 1 ? 'site' : 'sites'}`
      : xs.length <= 10
        ? xs.join(', ')
        : `${xs.length} (${xs.slice(0, 10).join(', ')}, …)`;
  return [
    ...(added.length ? [`${name}: added ${some(added)}`] : []),
    ...(removed.length ? [`${name}: removed ${some(removed)}`] : []),
  ];
}

/** What changed between two versions of a profile's policy, in lines a governor can read. */
export function policyDiff(before: PolicyBody, after: PolicyBody): string[] {
  const lines: string[] = [];
  if (before.mode !== after.mode) lines.push(`mode: ${before.mode} → ${after.mode}`);
  if (before.safeSearch !== after.safeSearch)
    lines.push(`locked SafeSearch: ${before.safeSearch ? 'on' : 'off'} → ${after.safeSearch ? 'on' : 'off'}`);
  if (before.timeZone !== after.timeZone) lines.push(`time zone: ${before.timeZone} → ${after.timeZone}`);
  lines.push(
    ...listDiff('allow-list', before.allow, after.allow),
    ...listDiff('block-list', before.block, after.block),
    ...listDiff('allowed addresses', before.allowedAddresses ?? [], after.allowedAddresses ?? []),
  );
  if ((before.mirrors ?? 'inherit') !== (after.mirrors ?? 'inherit'))
    lines.push(
      `mirror sites (translate proxies, web archives, search caches): ${MIRRORS_IN_WORDS[before.mirrors ?? 'inherit']} → ${MIRRORS_IN_WORDS[after.mirrors ?? 'inherit']}`,
    );
  const categories = new Set([
    ...Object.keys(before.categories),
    ...Object.keys(after.categories),
  ]) as Set<Category>;
  for (const c of categories) {
    const was = describeAction(before.categories[c]);
    const now = describeAction(after.categories[c]);
    if (was !== now) lines.push(`category ${c}: ${was} → ${now}`);
  }
  const listed = new Set([
    ...Object.keys(before.categoryLists),
    ...Object.keys(after.categoryLists),
  ]) as Set<Category>;
  for (const c of listed)
    appendAll(
      lines,
      listDiff(
        `${c} sites`,
        before.categoryLists[c] ?? [],
        after.categoryLists[c] ?? [],
        isIllegalCategory(c),
      ),
    );
  return lines;
}
