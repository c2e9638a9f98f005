import type { CategoryEntries, FilterCheckAnswer, FilterCheckRequest, PolicyMessage } from '@waymark/shared';
import { explainBlock } from './pupil-events';

/**
 * A filtering check's answer: what this device does with each address, decided by the same
 * evaluator as its "why was this blocked?" from the policy it holds (not the server's), with that
 * policy's version and the category data it holds (`listsFor`: the held entries that could decide
 * a URL). Nothing is fetched.
 */
export function answerFilterCheck(
  request: FilterCheckRequest,
  held: PolicyMessage | null,
  listsFor: (url: string) => CategoryEntries = () => ({}),
  now = new Date(),
): FilterCheckAnswer {
  if (!held) return { ok: false, error: 'the device holds no policy yet' };
  return {
    ok: true,
    policyVersion: held.policy.version,
    profile: held.policy.profile,
    results: request.urls.map((url) => {
      const decision = explainBlock(url, held, listsFor(url), now);
      return {
        url,
        verdict: decision?.verdict ?? 'blocked',
        rule: (decision?.rule ?? 'not a valid web address').slice(0, 500),
        category: decision?.category ?? null,
      };
    }),
  };
}
