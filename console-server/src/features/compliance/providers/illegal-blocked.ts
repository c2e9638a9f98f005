import { ILLEGAL_CATEGORIES, type Policy } from '@waymark/shared';
import type { EvidenceProvider } from '../evidence';

/** Whether a policy blocks a category: its action is `block`, or an allow-list names no action for it. */
export function blocksCategory(policy: Policy, category: keyof Policy['categories']): boolean {
  const action = policy.categories[category]?.action;
  return action === 'block' || (action === undefined && policy.mode === 'allow-list');
}

/** UK Safer Internet Centre: illegal content is blocked, whatever else a profile allows. */
export const illegalBlocked: EvidenceProvider = {
  id: 'illegal-blocked',
  async collect({ policies }) {
    const all = await policies();
    const notBlocking = all
      .filter(({ body }) => ILLEGAL_CATEGORIES.some((c) => !blocksCategory(body, c)))
      .map((p) => p.profile);
    return {
      id: 'illegal-blocked',
      standard: 'filtering',
      status: notBlocking.length > 0 || all.length === 0 ? 'not-met' : 'met',
      reason: notBlocking.length > 0 || all.length === 0 ? 'not-blocked' : 'blocked',
      figures: [
        { key: 'profiles', value: all.length },
        { key: 'notBlocking', value: notBlocking },
      ],
      fix: '/policies',
    };
  },
};
