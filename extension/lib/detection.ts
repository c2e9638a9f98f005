import { createDetector, schoolPhrasesFrom, type Matcher, type PolicyMessage } from '@waymark/shared';

let cached: { lists: PolicyMessage['keywords']; detector: Matcher } | null = null;

/**
 * The matcher for this device: the phrase library built into the extension (so it works offline)
 * plus the school's own phrases from the last policy. Compiled on first use, again only when the
 * school's phrases change.
 */
export function detectorFor(policy: PolicyMessage): Matcher {
  const lists = policy.keywords ?? {};
  if (!cached || JSON.stringify(cached.lists) !== JSON.stringify(lists)) {
    cached = { lists, detector: createDetector({ phrases: schoolPhrasesFrom(lists) }) };
  }
  return cached.detector;
}
