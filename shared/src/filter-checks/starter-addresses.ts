import type { Category } from '../policy/categories';
import type { TestAddress } from '../protocol/filter-checks';

/**
 * Stand-in test hosts for the illegal categories. Waymark cannot ship the IWF or CTIRU lists, and
 * a check must never send a device to real illegal content: these names are under `.invalid`
 * (RFC 2606: never resolves, never a real site), are on Waymark's starter lists for their
 * category, and only prove that the device enforces the illegal lists it holds. The school adds
 * the test address its network filter provider gives (the provider's IWF/CTIRU test page) as its
 * own, and that host to its illegal list.
 */
export const ILLEGAL_TEST_HOSTS = {
  'illegal-csam': 'illegal-csam.filter-test.waymark.invalid',
  'illegal-terrorism': 'illegal-terrorism.filter-test.waymark.invalid',
  'illegal-hate': 'illegal-hate.filter-test.waymark.invalid',
} as const satisfies Partial<Record<Category, string>>;

/**
 * The starter set of test addresses: one or more per category that Waymark's starter lists cover,
 * each a well-known site of its category (the home page: nothing is fetched, the device only
 * decides). Reviewed 2026-12 against the starter category lists (console-server/src/seed/
 * starter-category-lists.ts).
 */
export const STARTER_TEST_ADDRESSES: readonly TestAddress[] = [
  {
    url: `https://${ILLEGAL_TEST_HOSTS['illegal-csam']}/`,
    category: 'illegal-csam',
    note: 'Stand-in test host (never a real site); add your network filter provider’s test address too',
  },
  {
    url: `https://${ILLEGAL_TEST_HOSTS['illegal-terrorism']}/`,
    category: 'illegal-terrorism',
    note: 'Stand-in test host (never a real site); add your network filter provider’s test address too',
  },
  {
    url: `https://${ILLEGAL_TEST_HOSTS['illegal-hate']}/`,
    category: 'illegal-hate',
    note: 'Stand-in test host (never a real site); add your network filter provider’s test address too',
  },
  { url: 'https://www.stormfront.org/', category: 'extremism', note: 'White-supremacist forum' },
  { url: 'https://www.pornhub.com/', category: 'pornography', note: 'Pornography site' },
  { url: 'https://www.liveleak.com/', category: 'violence', note: 'Graphic-violence video site' },
  { url: 'https://erowid.org/', category: 'substance-abuse', note: 'Drug-use information site' },
  { url: 'https://thepiratebay.org/', category: 'piracy', note: 'Torrent index' },
  { url: 'https://www.bet365.com/', category: 'gambling', note: 'Betting site' },
  { url: 'https://www.hidemyass.com/', category: 'proxy-vpn', note: 'VPN service' },
  { url: 'https://www.croxyproxy.com/', category: 'proxy-vpn', note: 'Web proxy (an unblocker)' },
  { url: 'https://www.tiktok.com/', category: 'social-media', note: 'Social media' },
  { url: 'https://discord.com/', category: 'messaging', note: 'Chat and messaging' },
  { url: 'https://wetransfer.com/', category: 'file-sharing', note: 'File sharing' },
  { url: 'https://www.youtube.com/', category: 'video', note: 'Video streaming' },
  { url: 'https://www.roblox.com/', category: 'gaming', note: 'Online game' },
  { url: 'https://incels.is/', category: 'discrimination', note: 'Misogynist hate forum' },
  { url: 'https://www.myproana.com/', category: 'self-harm', note: 'Pro-eating-disorder forum' },
  { url: 'https://www.chatrandom.com/', category: 'grooming', note: 'Random video chat with strangers' },
];
