import { matchesUnrelatedHosts, parseFilter } from '@waymark/shared';

/** The server takes at most this many sites in one override. */
export const MAX_SITES = 200;

/**
 * Sites a teacher typed for an override: one per line, or separated by spaces or commas, each
 * checked with the same parser Chrome's URL filters (and the server) use. Returns the sites
 * without repeats and the first one that is not a site: not a filter Waymark understands, or
 * a filter such as `*`, `https://*` or `com` that would open (or focus on) the whole web.
 */
export function parseSites(text: string): { sites: string[]; invalid: string | null } {
  const sites = [...new Set(text.split(/[\s,]+/).filter(Boolean))];
  const invalid =
    sites.find((s) => {
      const parsed = parseFilter(s);
      return !parsed.ok || matchesUnrelatedHosts(s);
    }) ?? null;
  return { sites, invalid };
}
