import {
  evaluateUrl,
  isIllegalCategory,
  type AddressResult,
  type CheckOutcome,
  type DeviceVerdict,
  type Policy,
  type TestAddress,
  type Verdict,
} from '@waymark/shared';

/**
 * One address on one device: what the device did, beside what the device's current policy (the
 * server's copy, the same evaluator) says. A device allowing what its policy blocks fails; both
 * allowing an illegal-category address, or one of a category the policy blocks, is a gap in the
 * lists (docs/architecture.md, "Filtering checks").
 */
export function addressOutcome(
  address: TestAddress,
  device: Pick<DeviceVerdict, 'verdict'>,
  policy: Policy,
  ctx: { now: Date; classIds: readonly string[] },
): { expected: Verdict; outcome: CheckOutcome } {
  const expected = evaluateUrl(policy, address.url, ctx).verdict;
  let outcome: CheckOutcome = 'pass';
  if (device.verdict === 'allowed' && expected === 'blocked') outcome = 'fail';
  else if (device.verdict === 'blocked' && expected === 'allowed') outcome = 'over-blocked';
  else if (device.verdict === 'allowed' && categoryBlocked(policy, address.category)) outcome = 'gap';
  return { expected, outcome };
}

function categoryBlocked(policy: Policy, category: TestAddress['category']): boolean {
  if (isIllegalCategory(category)) return true;
  return Object.hasOwn(policy.categories, category) && policy.categories[category]?.action === 'block';
}

/** The device's answers against the test addresses: null when it did not answer every one. */
export function deviceResults(
  addresses: readonly TestAddress[],
  answers: readonly DeviceVerdict[],
  policy: Policy,
  ctx: { now: Date; classIds: readonly string[] },
): AddressResult[] | null {
  const byUrl = new Map(answers.map((a) => [a.url, a]));
  const results: AddressResult[] = [];
  for (const address of addresses) {
    const answer = byUrl.get(address.url);
    if (!answer) return null;
    results.push({
      url: address.url,
      category: address.category,
      verdict: answer.verdict,
      rule: answer.rule,
      ...addressOutcome(address, answer, policy, ctx),
    });
  }
  return results;
}
