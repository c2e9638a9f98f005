import type { DnrRule } from '../src';

/**
 * What Chrome does with a set of dynamic rules for one main-frame navigation, as its documentation
 * describes: the highest-priority matching rule wins; at equal priority allow beats redirect.
 * Outside the product (it stands for the browser), so tests can check the rules' effect.
 */
export function simulateDnr(
  rules: DnrRule[],
  url: string,
): { action: 'allow' | 'redirect' | 'none'; target?: string } {
  const host = new URL(url).hostname.replace(/\.$/, '');
  const matching = rules.filter((rule) => {
    const { requestDomains, regexFilter, isUrlFilterCaseSensitive } = rule.condition;
    if (requestDomains && !requestDomains.some((d) => host === d || host.endsWith(`.${d}`))) return false;
    if (regexFilter && !new RegExp(regexFilter, isUrlFilterCaseSensitive ? '' : 'i').test(url)) return false;
    return true;
  });
  const rank = (r: DnrRule) => r.priority * 10 + (r.action.type === 'allow' ? 1 : 0);
  const best = matching.sort((a, b) => rank(b) - rank(a))[0];
  if (!best) return { action: 'none' };
  if (best.action.type === 'allow') return { action: 'allow' };
  const regex = new RegExp(best.condition.regexFilter!, best.condition.isUrlFilterCaseSensitive ? '' : 'i');
  const target = url.replace(
    regex,
    best.action.redirect.regexSubstitution.replace(/\\(\d)/g, (_, n) => (n === '0' ? '$&' : `$${n}`)),
  );
  return { action: 'redirect', target };
}
