import { browser } from 'wxt/browser';
import { storage, type WxtStorageItem } from 'wxt/utils/storage';
import {
  CATEGORY_RULE_BASE,
  categoryGroupRules,
  FAIL_CLOSED_OVERRULE_PRIORITY,
  type CategoryRuleGroup,
  type DnrRule,
} from '@waymark/shared';
import { canonicalJson } from './rule-integrity';

/**
 * Where the rules go (docs/architecture.md, "Session rules for the category data"): Chrome
 * re-indexes a whole ruleset, dynamic or session, at every update of it, and the two apart. So
 * the policy's own rules (a few hundred at most, changed by every push, override and lock) are
 * dynamic rules, and the category groups (a million domains, changed by a delta) are session
 * rules, beside the allow that overrules the fail-closed static ruleset. Session rules are gone
 * after a browser restart or an update: the static ruleset then blocks every page until the
 * worker has put them back, all in one update.
 */

/**
 * A record of the rules in force, by unit (a policy rule, a category group's two rules, the
 * overruling allow): its first rule id, what it holds (a key: equal keys, equal rules) and how
 * many ids it uses. Null while an update is under way or after the rules were found changed: the
 * next install then replaces every rule of ours, so an update cut short never leaves rules this
 * record does not name.
 */
type InstalledRecord = Array<[number, string, number]> | null;

/** The dynamic rules: the policy's. */
export const installedRulesItem = storage.defineItem<InstalledRecord>('local:installedRules', {
  fallback: null,
});
/** The session rules: kept in session storage, which Chrome clears with the session rules. */
export const installedSessionRulesItem = storage.defineItem<InstalledRecord>(
  'session:installedSessionRules',
  { fallback: null },
);

/** The session rule that lets navigations past the fail-closed static ruleset. */
export const FAIL_CLOSED_OVERRULE_ID = 1;
/** Session rule ids from here up to `CATEGORY_RULE_BASE` are checked mirror passes, not ours here. */
export const MIRROR_PASS_FIRST_ID = 1_000;

/**
 * The static ruleset redirects every `http(s)` navigation at priority 1; this allow, at the same
 * priority, beats it (allow beats redirect) and nothing else: every policy rule is above it.
 */
export function failClosedOverrule(): DnrRule {
  return {
    id: FAIL_CLOSED_OVERRULE_ID,
    priority: FAIL_CLOSED_OVERRULE_PRIORITY,
    action: { type: 'allow' },
    condition: { regexFilter: '^https?://', resourceTypes: ['main_frame', 'sub_frame'] },
  };
}

interface Unit {
  key: string;
  /** How many rule ids it uses, from its id. */
  count: number;
  rules: () => DnrRule[];
}

interface RuleStore {
  record: WxtStorageItem<InstalledRecord, Record<string, unknown>>;
  get(): Promise<Array<{ id: number }>>;
  update(options: { removeRuleIds: number[]; addRules: DnrRule[] }): Promise<void>;
  /** Which installed ids a whole replacement removes. */
  ours(id: number): boolean;
}

export interface InstallResult {
  changed: boolean;
  added: number;
  removed: number;
}

/** Makes a ruleset's rules of ours the wanted units, changing only the units that differ. */
async function installUnits(store: RuleStore, wanted: Map<number, Unit>): Promise<InstallResult> {
  const installed = await store.record.getValue();
  const removeRuleIds: number[] = [];
  const addRules: DnrRule[] = [];
  if (installed === null) {
    for (const rule of await store.get()) if (store.ours(rule.id)) removeRuleIds.push(rule.id);
    for (const unit of wanted.values()) addRules.push(...unit.rules());
  } else {
    const had = new Map(installed.map(([id, key, count]) => [id, { key, count }]));
    for (const [id, { key, count }] of had) {
      if (wanted.get(id)?.key === key) continue;
      for (let i = 0; i < count; i++) removeRuleIds.push(id + i);
    }
    for (const [id, unit] of wanted) if (had.get(id)?.key !== unit.key) addRules.push(...unit.rules());
  }
  if (removeRuleIds.length === 0 && addRules.length === 0) return { changed: false, added: 0, removed: 0 };

  await store.record.setValue(null);
  await store.update({ removeRuleIds, addRules });
  await store.record.setValue([...wanted].map(([id, unit]) => [id, unit.key, unit.count]));
  return { changed: true, added: addRules.length, removed: removeRuleIds.length };
}

type UpdateOptions = Parameters<typeof browser.declarativeNetRequest.updateDynamicRules>[0];

/**
 * Makes the dynamic rules the policy's rules and the session rules the category groups plus the
 * overruling allow, changing only the units that differ from what is installed: a delta replaces
 * the groups it touched, a policy push leaves a million category domains where they are, and
 * nothing changed means no update at all. The policy first: a session ruleset put back after a
 * restart lets pages through only once the policy is in force.
 */
export async function installRules(
  policyRules: readonly DnrRule[],
  groups: readonly CategoryRuleGroup[],
  blockPage: string,
): Promise<{ dynamic: InstallResult; session: InstallResult }> {
  const dnr = browser.declarativeNetRequest;
  const policyUnits = new Map<number, Unit>();
  for (const rule of policyRules)
    policyUnits.set(rule.id, { key: canonicalJson(rule), count: 1, rules: () => [rule] });
  const dynamic = await installUnits(
    {
      record: installedRulesItem,
      get: () => dnr.getDynamicRules(),
      update: (options) => dnr.updateDynamicRules(options as UpdateOptions),
      ours: () => true,
    },
    policyUnits,
  );

  const overrule = failClosedOverrule();
  const sessionUnits = new Map<number, Unit>([
    [overrule.id, { key: canonicalJson(overrule), count: 1, rules: () => [overrule] }],
  ]);
  for (const group of groups)
    sessionUnits.set(group.id, {
      key: group.key,
      count: 2,
      rules: () => categoryGroupRules(group, blockPage),
    });
  const session = await installUnits(
    {
      record: installedSessionRulesItem,
      get: () => dnr.getSessionRules(),
      update: (options) => dnr.updateSessionRules(options as UpdateOptions),
      // Checked mirror passes stay: they are recorded apart (block-redirects.ts).
      ours: (id) => id < MIRROR_PASS_FIRST_ID || id >= CATEGORY_RULE_BASE,
    },
    sessionUnits,
  );
  return { dynamic, session };
}

/** After the dynamic rules were found changed by something else: the next install replaces them all. */
export async function forgetInstalledRules(): Promise<void> {
  await installedRulesItem.setValue(null);
}

/** After the session rules were found changed (and cleared): the next install puts them all back. */
export async function forgetInstalledSessionRules(): Promise<void> {
  await installedSessionRulesItem.setValue(null);
}
