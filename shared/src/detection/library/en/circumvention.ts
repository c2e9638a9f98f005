import type { PhraseSection } from '../../types';
import { LIBRARY_REVIEWED, SOURCES } from '../sources';

/** Getting round the school's filter and monitoring: proxies, VPNs, unblockers, disabling the extension. */
export const CIRCUMVENTION_EN: PhraseSection = {
  id: 'circumvention.en',
  category: 'proxy-vpn',
  incidentKind: 'circumvention',
  pupilsOnly: true,
  topic: 'circumvention: proxies, VPNs, unblockers, turning off filtering or monitoring',
  language: 'en',
  sources: [SOURCES.seeds, SOURCES.dfeStandards],
  reviewed: LIBRARY_REVIEWED,
  phrases: {
    medium: [
      '(bypass|get around|get past|get round|avoid|beat|disable|turn off|remove|uninstall|block|kill|hack|break) [school] (filter|filters|firewall|blocker|restrictions|web filter|monitoring|extension|chrome extension|admin|goguardian|go guardian|securly|smoothwall|lightspeed|linewize|impero|netsweeper|iboss|waymark)',
      'how to unblock (websites|sites|youtube|games|tiktok|discord|instagram|snapchat) (at|on|in) (school|a school chromebook|my chromebook|school wifi)',
      '(unblocker|unblockers|site unblocker|web unblocker|proxy site|proxy sites|web proxy|free proxy|croxyproxy|croxy proxy|hidester|proxysite|kproxy|hide my ip|ultrasurf|psiphon|tor browser|holy unblocker|titanium network|interstellar proxy|doge unblocker)',
      '(free vpn|vpn for school|school vpn|vpn for chromebook|vpn chromebook|vpn extension|best vpn to unblock)',
      '(chromebook|school chromebook) (hack|hacks|jailbreak|unenroll|unenrollment|powerwash|developer mode|bypass)',
      '(sh1mmer|shimmer exploit|ltmeat|rigtools|e halcyon)',
      'how to (unenroll|unenrol|powerwash|jailbreak)[school]chromebook',
      'how to (delete|remove|disable) [school] (admin|administrator|managed) (settings|restrictions|extension|policies)',
    ],
    low: [
      '(unblocked games|unblocked games 66|unblocked games 76|unblocked games 77|unblocked games 911|vpn|proxy|incognito mode)',
    ],
  },
};
