import {
  can,
  HIDDEN_TEST_ADDRESS,
  HIDDEN_TEST_RULE,
  isIllegalCategory,
  type FilterCheckRecord,
  type ListedTestAddress,
  type Staff,
} from '@waymark/shared';

const HIDDEN_ADDRESS = HIDDEN_TEST_ADDRESS;
const HIDDEN_RULE = HIDDEN_TEST_RULE;

/**
 * Illegal-category addresses go to the DSL only (docs/architecture.md, "Events"), test addresses
 * too: a technician runs the check and reads each result, but not the address or the rule naming it.
 */
export function checkFor(who: Pick<Staff, 'role'>, check: FilterCheckRecord): FilterCheckRecord {
  if (can(who.role, 'see-illegal-urls')) return check;
  return {
    ...check,
    addresses: check.addresses.map((a) =>
      isIllegalCategory(a.category) ? { ...a, url: HIDDEN_ADDRESS } : a,
    ),
    devices: check.devices.map((d) => ({
      ...d,
      results: d.results.map((r) =>
        isIllegalCategory(r.category) ? { ...r, url: HIDDEN_ADDRESS, rule: HIDDEN_RULE } : r,
      ),
    })),
  };
}

export function addressesFor(who: Pick<Staff, 'role'>, addresses: ListedTestAddress[]): ListedTestAddress[] {
  if (can(who.role, 'see-illegal-urls')) return addresses;
  return addresses.map((a) => (isIllegalCategory(a.category) ? { ...a, url: HIDDEN_ADDRESS } : a));
}
