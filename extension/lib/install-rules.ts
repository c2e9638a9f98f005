import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { categoryGroupRules, type CategoryRuleGroup, type DnrRule } from '@waymark/shared';
import { canonicalJson } from './rule-integrity';

/**
 * What the dynamic rules in force are, by unit (a policy rule, or a category group's two rules):
 * its first rule id, what it holds (a key: equal keys, equal rules) and how many ids it uses.
 * Null while an update is under way or after the rules were found changed: the next install
 * then replaces every rule, so an update cut short never leaves rules this record does not name.
 */
export const installedRulesItem = storage.defineItem<Array<[number, string, number]> | null>(
  'local:installedRules',
  { fallback: null },
);

interface Unit {
  key: string;
  /** How many rule ids it uses, from its id. */
  count: number;
  rules: () => DnrRule[];
}

/**
 * Makes the dynamic rules the policy's rules plus the category groups, changing only the units
 * that differ from what is installed: a category delta replaces the groups it touched, and a
 * policy push leaves a million category domains where they are. Chrome re-indexes the whole
 * dynamic ruleset on every update, so nothing changed means no update at all.
 */
export async function installRules(
  policyRules: readonly DnrRule[],
  groups: readonly CategoryRuleGroup[],
  blockPage: string,
): Promise<{ changed: boolean; added: number; removed: number }> {
  const wanted = new Map<number, Unit>();
  for (const rule of policyRules)
    wanted.set(rule.id, { key: canonicalJson(rule), count: 1, rules: () => [rule] });
  for (const group of groups)
    wanted.set(group.id, { key: group.key, count: 2, rules: () => categoryGroupRules(group, blockPage) });

  const dnr = browser.declarativeNetRequest;
  const installed = await installedRulesItem.getValue();
  const removeRuleIds: number[] = [];
  const addRules: DnrRule[] = [];
  if (installed === null) {
    for (const rule of await dnr.getDynamicRules()) removeRuleIds.push(rule.id);
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

  await installedRulesItem.setValue(null);
  await dnr.updateDynamicRules({
    removeRuleIds,
    addRules: addRules as Parameters<typeof dnr.updateDynamicRules>[0]['addRules'],
  });
  await installedRulesItem.setValue([...wanted].map(([id, unit]) => [id, unit.key, unit.count]));
  return { changed: true, added: addRules.length, removed: removeRuleIds.length };
}

/** After the rules were found changed by something else: the next install replaces them all. */
export async function forgetInstalledRules(): Promise<void> {
  await installedRulesItem.setValue(null);
}

/** A category group as the record names it: its first id, its key and how many ids it uses. */
export type GroupUnit = [number, string, number];

/** The record's units for these groups (as `installRules` writes them). */
export function groupUnits(groups: readonly CategoryRuleGroup[]): GroupUnit[] {
  return groups.map((group) => [group.id, group.key, 2]);
}

/**
 * Whether the record says the dynamic rules in force are exactly these policy rules plus these
 * groups (nothing more, nothing less). With the rules' digest checked, a start-up can trust them
 * without compiling the groups again (docs/architecture.md, "A start that trusts the rules in force").
 */
export async function installedRulesAre(
  policyRules: readonly DnrRule[],
  groups: readonly GroupUnit[],
): Promise<boolean> {
  const installed = await installedRulesItem.getValue();
  if (installed === null) return false;
  const wanted = new Map<number, string>();
  for (const rule of policyRules) wanted.set(rule.id, `${canonicalJson(rule)}\n1`);
  for (const [id, key, count] of groups) wanted.set(id, `${key}\n${count}`);
  if (wanted.size !== policyRules.length + groups.length || wanted.size !== installed.length) return false;
  return installed.every(([id, key, count]) => wanted.get(id) === `${key}\n${count}`);
}
