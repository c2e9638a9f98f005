import type { DnrRule, ResourceType } from '../src';

interface DnrOutcome {
  action: 'allow' | 'block' | 'redirect' | 'transform' | 'none';
  target?: string;
  headers: Record<string, string>;
}

/**
 * What Chrome does with a set of dynamic rules for one navigation, as its documentation describes:
 * the highest-priority matching allow/redirect rule wins, allow beating redirect at equal priority;
 * modifyHeaders rules add their headers. Outside the product (it stands for the browser), so tests
 * can check the rules' effect rather than their shape.
 */
export function simulateDnr(rules: DnrRule[], url: string, type: ResourceType = 'main_frame'): DnrOutcome {
  const host = new URL(url).hostname.replace(/\.$/, '');
  const matching = rules.filter((rule) => {
    const { requestDomains, regexFilter, isUrlFilterCaseSensitive, resourceTypes } = rule.condition;
    if (!resourceTypes.includes(type)) return false;
    if (requestDomains && !requestDomains.some((d) => host === d || host.endsWith(`.${d}`))) return false;
    if (regexFilter && !new RegExp(regexFilter, isUrlFilterCaseSensitive ? '' : 'i').test(url)) return false;
    return true;
  });
  const headers = Object.fromEntries(
    matching.flatMap((r) =>
      r.action.type === 'modifyHeaders' ? r.action.requestHeaders.map((h) => [h.header, h.value]) : [],
    ),
  );
  // At equal priority allow beats block, which beats redirect.
  const rank = (r: DnrRule) =>
    r.priority * 10 + (r.action.type === 'allow' ? 2 : r.action.type === 'block' ? 1 : 0);
  const best = matching.filter((r) => r.action.type !== 'modifyHeaders').sort((a, b) => rank(b) - rank(a))[0];
  if (!best) return { action: 'none', headers };
  const action = best.action;
  if (action.type === 'allow' || action.type === 'modifyHeaders') return { action: 'allow', headers };
  if (action.type === 'block') return { action: 'block', headers };
  if ('transform' in action.redirect) {
    const target = new URL(url);
    for (const p of action.redirect.transform.queryTransform.addOrReplaceParams)
      target.searchParams.set(p.key, p.value);
    return { action: 'transform', target: target.toString(), headers };
  }
  const regex = new RegExp(best.condition.regexFilter!, best.condition.isUrlFilterCaseSensitive ? '' : 'i');
  const substitution = action.redirect.regexSubstitution.replace(/\\(\d)/g, (_: string, n: string) =>
    n === '0' ? '$&' : `$${n}`,
  );
  return { action: 'redirect', target: url.replace(regex, substitution), headers };
}
