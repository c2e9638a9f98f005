import { illegalMatcher, type Category, type PolicyBody, type Profile } from '@waymark/shared';

/** How long a school's illegal-category lists are reused before they are read again. */
const LISTS_TTL_MS = 60_000;

export type IllegalPages = (schoolId: string, profile: Profile) => Promise<(url: string) => Category | null>;

/**
 * The school's illegal-category lists as a matcher, read again at most every LISTS_TTL_MS
 * (docs/architecture.md, "Live class"): the server checks every address a device reports live
 * (tab state, a thumbnail's page) itself, whatever the device says. A failed read is not kept,
 * so the next message asks again (and the caller refuses the message meanwhile).
 */
export function createIllegalPages(
  policyBody: (schoolId: string, profile: Profile) => Promise<Pick<PolicyBody, 'categoryLists'>>,
  now: () => number = Date.now,
): IllegalPages {
  const lists = new Map<string, { matcher: Promise<(url: string) => Category | null>; until: number }>();
  return (schoolId, profile) => {
    const key = `${schoolId}\u0000${profile}`;
    const held = lists.get(key);
    if (held && held.until > now()) return held.matcher;
    const matcher = policyBody(schoolId, profile).then(illegalMatcher);
    matcher.catch(() => lists.delete(key));
    lists.set(key, { matcher, until: now() + LISTS_TTL_MS });
    return matcher;
  };
}
