import type { Decision, Profile } from '@waymark/shared';

/**
 * Which rule decided, as a message key of the policies namespace (`decision.*`) and its values.
 * The server's rule label is English and names the filter in quotes; the filter is carried over
 * as written, the words around it are translated.
 */
interface DecisionText {
  key:
    | 'alwaysAllowed'
    | 'helpSite'
    | 'focus'
    | 'focusOnly'
    | 'override'
    | 'allowList'
    | 'blockList'
    | 'category'
    | 'notOnAllowList'
    | 'noRule'
    | 'invalidUrl'
    | 'other';
  values: Record<string, string>;
}

/** The text in the last pair of straight quotes of a rule label: the filter that matched. */
function quoted(rule: string): string | null {
  const match = /"([^"]*)"\s*$/.exec(rule);
  return match ? match[1]! : null;
}

export function describeDecision(decision: Decision, profile: Profile): DecisionText {
  const filter = quoted(decision.rule);
  const other: DecisionText = { key: 'other', values: { rule: decision.rule } };
  switch (decision.source) {
    case 'invalid-url':
      return { key: 'invalidUrl', values: {} };
    case 'default':
      return decision.verdict === 'blocked'
        ? { key: 'notOnAllowList', values: { profile } }
        : { key: 'noRule', values: { profile } };
    case 'help-site': {
      const name = /^help site:\s*(.+)$/.exec(decision.rule)?.[1];
      return name ? { key: 'helpSite', values: { name } } : other;
    }
    case 'focus':
      return filter === null ? { key: 'focusOnly', values: {} } : { key: 'focus', values: { filter } };
    case 'always-allowed':
      return filter === null ? other : { key: 'alwaysAllowed', values: { filter } };
    case 'override':
      return filter === null ? other : { key: 'override', values: { filter } };
    case 'allow':
      return filter === null ? other : { key: 'allowList', values: { profile, filter } };
    case 'block':
      return filter === null ? other : { key: 'blockList', values: { profile, filter } };
    case 'ip-address':
    case 'mirror':
      return other;
    case 'category':
      return filter === null || decision.category === null
        ? other
        : { key: 'category', values: { category: decision.category, filter } };
  }
}
