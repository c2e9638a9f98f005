import type { Decision, Profile } from '@waymark/shared';

/** A decision as the extension explains it: the policy's, or its own refusal of a page's scheme. */
export type BlockExplanation = Omit<Decision, 'source'> & { source: Decision['source'] | 'page-scheme' };

/**
 * Top-level pages whose content does not come from a site the rules can judge: a `data:` page
 * carries its own HTML, `view-source:` shows any page's code, `filesystem:` serves files a page
 * wrote itself, and a `blob:` page opened away from the site that made it is a copy of whatever
 * that site put in it. Pupil profiles refuse them whatever the device policy says (issue 21).
 */
const REFUSED_SCHEMES = ['data:', 'view-source:', 'filesystem:'] as const;

/** Where the tab was (its last page's origin, or its opener's): a `blob:` page may open there only. */
interface NavigationOrigins {
  tab: string | null;
  opener: string | null;
}

export function isPupilProfile(profile: Profile | null): boolean {
  // No policy yet is treated as a pupil's: the device fails closed until it knows.
  return profile !== 'staff';
}

/** The origin a `blob:` URL belongs to (`blob:https://site/uuid` → `https://site`), or null. */
export function blobOrigin(url: string): string | null {
  if (!url.startsWith('blob:')) return null;
  try {
    const origin = new URL(url).origin;
    return origin === 'null' ? null : origin;
  } catch {
    return null;
  }
}

/** Why a top-level navigation is refused on a pupil profile, or null when it may go ahead. */
export function refusedPageScheme(url: string, origins: NavigationOrigins): string | null {
  const lower = url.slice(0, 20).toLowerCase();
  const scheme = REFUSED_SCHEMES.find((s) => lower.startsWith(s));
  if (scheme) return `${scheme} pages are not opened on pupils’ devices`;
  if (!lower.startsWith('blob:')) return null;
  const origin = blobOrigin(url);
  if (origin !== null && (origin === origins.tab || origin === origins.opener)) return null;
  return 'a blob: page opened away from the site that made it';
}

/** How the block page explains an address the extension refused for its scheme. */
export function pageSchemeDecision(url: string): BlockExplanation | null {
  const lower = url.slice(0, 20).toLowerCase();
  if (!lower.startsWith('blob:') && !REFUSED_SCHEMES.some((s) => lower.startsWith(s))) return null;
  return {
    verdict: 'blocked',
    rule: refusedPageScheme(url, { tab: null, opener: null })!,
    source: 'page-scheme',
    category: null,
  };
}

/** The address as a report carries it: a `data:` page can be megabytes of HTML. */
export function reportedAddress(url: string): string {
  return url.length > 2000 ? `${url.slice(0, 1999)}…` : url;
}
