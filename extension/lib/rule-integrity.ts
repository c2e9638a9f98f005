import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';

/**
 * Digests of the rules as installed right after the extension itself last changed them. Taken
 * from what the browser reports back (not from the compiled rules), so the browser's own
 * normalisation of a rule never reads as tampering.
 */
const appliedRulesDigestItem = storage.defineItem<string | null>('local:appliedRulesDigest', {
  fallback: null,
});
const sessionRulesDigestItem = storage.defineItem<string | null>('session:sessionRulesDigest', {
  fallback: null,
});

/** JSON with every object's keys in order, so the same rules always give the same text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * A `requestDomains` list as its length and an order-independent sum of hashes of its names: a
 * million category domains would otherwise be written out as text and hashed at every check.
 */
function domainsSummary(domains: readonly string[]): string {
  let a = 0;
  let b = 0;
  for (const domain of domains) {
    let x = 0x811c9dc5;
    let y = 0x050c5d1f;
    for (let i = 0; i < domain.length; i++) {
      const c = domain.charCodeAt(i);
      x = Math.imul(x ^ c, 0x01000193);
      y = Math.imul(y ^ c, 0x01000193) ^ (y >>> 15);
    }
    a = (a + x) >>> 0;
    b = (b + y) >>> 0;
  }
  return `${domains.length}:${a}:${b}`;
}

function summarised(rule: { id: number; condition?: { requestDomains?: string[] } }) {
  const domains = rule.condition?.requestDomains;
  if (!domains) return rule;
  return { ...rule, condition: { ...rule.condition, requestDomains: domainsSummary(domains) } };
}

/** SHA-256 of a rule set, whatever order the browser lists it in. */
export async function rulesDigest(rules: ReadonlyArray<{ id: number }>): Promise<string> {
  return summariesDigest(rules.map(summarised));
}

async function summariesDigest(summaries: Array<{ id: number }>): Promise<string> {
  const sorted = summaries.sort((a, b) => a.id - b.id);
  const hash = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(canonicalJson(sorted)));
  return [...new Uint8Array(hash)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Rules read back per call when their ids are known: a few with long lists (four category groups,
 * up to 200,000 domains), or many short ones. Each call costs the browser a read of the whole
 * ruleset, so not one call per group.
 */
const READ_IDS = 200;
const READ_LONG = 8;

/**
 * Records the dynamic rules just installed as the ones the policy put there. Given their ids
 * (`long`: the ids whose rules hold long domain lists), reads them back a few at a time, each
 * summarised before the next is read: the browser returns its own copy of every domain, and a
 * million of them read at once would double the worker's heap. A rule added by something else
 * is then left out of the digest, so the next check reports it.
 */
export async function recordDynamicRules(
  ids?: readonly number[],
  long: (id: number) => boolean = () => false,
): Promise<void> {
  const dnr = browser.declarativeNetRequest;
  if (!ids) {
    await appliedRulesDigestItem.setValue(await rulesDigest(await dnr.getDynamicRules()));
    return;
  }
  const summaries: Array<{ id: number }> = [];
  let chunk: number[] = [];
  let longs = 0;
  const read = async () => {
    if (chunk.length > 0)
      for (const rule of await dnr.getDynamicRules({ ruleIds: chunk })) summaries.push(summarised(rule));
    chunk = [];
    longs = 0;
  };
  for (const id of ids) {
    chunk.push(id);
    if (long(id)) longs++;
    if (chunk.length >= READ_IDS || longs >= READ_LONG) await read();
  }
  await read();
  await appliedRulesDigestItem.setValue(await summariesDigest(summaries));
}

/** Records the session rules (checked mirror passes) just installed. */
export async function recordSessionRules(): Promise<void> {
  await sessionRulesDigestItem.setValue(
    await rulesDigest(await browser.declarativeNetRequest.getSessionRules()),
  );
}

interface RulesFinding {
  dynamicChanged: boolean;
  sessionChanged: boolean;
  /** What was found, for the technician: how many rules are installed. */
  detail: string;
}

/**
 * Compares the installed rules with the ones the extension put there. Null when they match, or
 * when nothing has been recorded yet (a first start, before any policy).
 */
export async function findChangedRules(): Promise<RulesFinding | null> {
  return (await checkRules()).finding;
}

/**
 * `findChangedRules`, and whether the dynamic rules were found to be exactly the ones recorded
 * (a digest is recorded and they match it): what a start-up needs to trust them without
 * compiling them again (docs/architecture.md, "A start that trusts the rules in force").
 */
export async function checkRules(): Promise<{ finding: RulesFinding | null; dynamicVerified: boolean }> {
  const dnr = browser.declarativeNetRequest;
  const [dynamic, session, dynamicDigest, sessionDigest] = await Promise.all([
    dnr.getDynamicRules(),
    dnr.getSessionRules(),
    appliedRulesDigestItem.getValue(),
    sessionRulesDigestItem.getValue(),
  ]);
  const dynamicChanged = dynamicDigest !== null && (await rulesDigest(dynamic)) !== dynamicDigest;
  // No record this browser session: the extension has added none, so there should be none.
  const sessionChanged = (await rulesDigest(session)) !== (sessionDigest ?? (await rulesDigest([])));
  const dynamicVerified = dynamicDigest !== null && !dynamicChanged;
  if (!dynamicChanged && !sessionChanged) return { finding: null, dynamicVerified };
  const parts = [
    dynamicChanged ? `the filter rules were changed (${dynamic.length} installed)` : null,
    sessionChanged ? `rules the extension did not add were found (${session.length} session rules)` : null,
  ].filter((p) => p !== null);
  return { finding: { dynamicChanged, sessionChanged, detail: parts.join('; ') }, dynamicVerified };
}

/** Removes every session rule (a checked mirror is simply checked again). */
export async function clearSessionRules(): Promise<void> {
  const dnr = browser.declarativeNetRequest;
  const ids = (await dnr.getSessionRules()).map((r) => r.id);
  await dnr.updateSessionRules({ removeRuleIds: ids });
  await recordSessionRules();
}
