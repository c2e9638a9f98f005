import {
  can,
  isIllegalCategory,
  type FilterCheckRecord,
  type ListedTestAddress,
  type Staff,
} from '@waymark/shared';

/** What a role without `see-illegal-urls` reads in place of an illegal-category test address. */
export const HIDDEN_ADDRESS = 'an illegal-category test address (shown to the DSL only)';
const HIDDEN_RULE = 'an illegal-category list';

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
