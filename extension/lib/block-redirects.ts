import { browser } from 'wxt/browser';
import {
  escapeRegexText,
  evaluateUrl,
  joinCategoryLists,
  MIRROR_PRIORITY,
  mirrorOf,
  type CategoryEntries,
  type PolicyMessage,
} from '@waymark/shared';
import { recordSessionRules } from './rule-integrity';

interface BlockRedirect {
  url: string;
  frame: 'main_frame' | 'sub_frame';
  tabId: number;
}

/**
 * Whether a redirect is one of the extension's own: its block rules send a navigation to
 * `<block page>#<the URL asked for>`, and only a URL the policy blocks. A site that redirects to
 * the block page (it is web-accessible) or a page that frames it with a made-up address after `#`
 * is not a blocked attempt and is never reported (issue 21, forged reports).
 *
 * The fail-closed static ruleset redirects to the bare block page (a static rule cannot name the
 * URL). Chrome turns it back on at every update of the extension, until the new worker has put
 * the policy back: a navigation in that moment is a real attempt and is reported too. (The caller
 * reports only what the policy blocks, so a site redirecting to the bare page reports nothing new.)
 */
export function ownBlockRedirect(
  details: { url: string; redirectUrl: string; type: string; tabId: number },
  blockPage: string,
): BlockRedirect | null {
  if (details.redirectUrl !== `${blockPage}#${details.url}` && details.redirectUrl !== blockPage) return null;
  if (details.type !== 'main_frame' && details.type !== 'sub_frame' && details.type !== 'object') return null;
  return {
    url: details.url,
    frame: details.type === 'main_frame' ? 'main_frame' : 'sub_frame',
    tabId: details.tabId,
  };
}

/** Calls back for every navigation (or `<object>`/`<embed>` load) the extension's rules redirected. */
export function watchBlockRedirects(
  blockPage: () => string,
  onRedirect: (redirect: BlockRedirect) => void,
): void {
  browser.webRequest.onBeforeRedirect.addListener(
    (details) => {
      const redirect = ownBlockRedirect(details, blockPage());
      if (redirect) onRedirect(redirect);
    },
    { urls: ['<all_urls>'], types: ['main_frame', 'sub_frame', 'object'] },
  );
}

/** Session rules that let one checked mirror URL through, in one tab; the oldest go first. */
const PASS_RULE_FIRST_ID = 1_000;
const PASS_RULES_KEPT = 20;

/**
 * A mirror (translate proxy, archive, cache) reaches the block page for a check. When the policy
 * allows the site it carries, this lets that one URL through for that tab and returns true.
 */
export async function passMirror(
  message: PolicyMessage,
  url: string,
  tabId: number,
  categoryLists: CategoryEntries = {},
  now = new Date(),
): Promise<boolean> {
  if (!mirrorOf(url)) return false;
  const policy = {
    ...message.policy,
    categoryLists: joinCategoryLists(message.policy.categoryLists, categoryLists),
  };
  if (evaluateUrl(policy, url, { now, classIds: message.classIds }).verdict !== 'allowed') return false;
  const dnr = browser.declarativeNetRequest;
  const existing = (await dnr.getSessionRules()).filter((r) => r.id >= PASS_RULE_FIRST_ID).map((r) => r.id);
  const id = Math.max(PASS_RULE_FIRST_ID - 1, ...existing) + 1;
  await dnr.updateSessionRules({
    removeRuleIds: existing
      .sort((a, b) => a - b)
      .slice(0, Math.max(0, existing.length - PASS_RULES_KEPT + 1)),
    addRules: [
      {
        id,
        priority: MIRROR_PRIORITY,
        action: { type: 'allow' },
        condition: {
          regexFilter: `^${escapeRegexText(url)}$`,
          isUrlFilterCaseSensitive: true,
          tabIds: [tabId],
          resourceTypes: ['main_frame', 'sub_frame'],
        },
      },
    ],
  });
  await recordSessionRules();
  return true;
}
