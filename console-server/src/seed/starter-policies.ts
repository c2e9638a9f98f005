import {
  ILLEGAL_TEST_HOSTS,
  type Category,
  type CategoryAction,
  type Country,
  type PolicyBody,
  type Profile,
} from '@waymark/shared';
import { resourceHosts } from './learning-resources';
import { HWB } from './welsh-school';

/**
 * Waymark's starter data: well-known sites per category and a reviewed allow-list for the
 * youngest pupils. Schools extend these through the console and the list importers; the school's
 * network filter still holds the licensed IWF/CTIRU lists (docs/architecture.md, "The policy
 * model").
 */
export const STARTER_CATEGORY_LISTS: Partial<Record<Category, string[]>> = {
  // Only the filtering checks' stand-in test hosts (`.invalid`, never real sites): the real
  // illegal lists are the network filter's (IWF, CTIRU).
  'illegal-csam': [ILLEGAL_TEST_HOSTS['illegal-csam']],
  'illegal-terrorism': [ILLEGAL_TEST_HOSTS['illegal-terrorism']],
  'illegal-hate': [ILLEGAL_TEST_HOSTS['illegal-hate']],
  pornography: [
    'pornhub.com',
    'xvideos.com',
    'xhamster.com',
    'xnxx.com',
    'redtube.com',
    'youporn.com',
    'onlyfans.com',
  ],
  gambling: [
    'bet365.com',
    'williamhill.com',
    'paddypower.com',
    'betfair.com',
    'skybet.com',
    'ladbrokes.com',
    'coral.co.uk',
    'pokerstars.com',
  ],
  'proxy-vpn': [
    'hidemyass.com',
    'proxysite.com',
    'croxyproxy.com',
    'hide.me',
    'nordvpn.com',
    'expressvpn.com',
    'protonvpn.com',
    'ultrasurf.us',
    'psiphon.ca',
    'kproxy.com',
    'torproject.org',
  ],
  'social-media': [
    'tiktok.com',
    'instagram.com',
    'facebook.com',
    'snapchat.com',
    'x.com',
    'twitter.com',
    'reddit.com',
    'tumblr.com',
    'pinterest.com',
  ],
  messaging: [
    'discord.com',
    'web.whatsapp.com',
    'web.telegram.org',
    'messenger.com',
    'omegle.com',
    'chatroulette.com',
  ],
  'file-sharing': ['wetransfer.com', 'mega.nz', 'mediafire.com', 'thepiratebay.org', '1337x.to'],
  piracy: ['thepiratebay.org', '1337x.to', 'rarbg.to', 'fmovies.to', 'putlocker.to', 'yts.mx'],
  video: ['youtube.com', 'vimeo.com', 'twitch.tv', 'dailymotion.com', 'netflix.com'],
  gaming: [
    'roblox.com',
    'miniclip.com',
    'poki.com',
    'crazygames.com',
    'coolmathgames.com',
    'friv.com',
    'epicgames.com',
    'steampowered.com',
  ],
  violence: ['bestgore.fun', 'liveleak.com'],
  'substance-abuse': ['erowid.org', 'leafly.com'],
  extremism: ['stormfront.org', 'bitchute.com'],
};

/** A reviewed allow-list for EYFS and KS1: learning sites made for young children. */
const EARLY_YEARS_ALLOW = [
  'bbc.co.uk/cbeebies',
  'bbc.co.uk/bitesize',
  'bbc.co.uk/iplayer/cbeebies',
  'cbeebies.com',
  'topmarks.co.uk',
  'phonicsplay.co.uk',
  'ictgames.com',
  'education.com/games',
  'oxfordowl.co.uk',
  'twinkl.co.uk',
  'natgeokids.com',
  'kids.nationalgeographic.com',
];

const KS2_ALLOW = [
  ...EARLY_YEARS_ALLOW,
  'bbc.co.uk/newsround',
  'scratch.mit.edu',
  'code.org',
  'timestables.co.uk',
  'kiddle.co',
  'wikipedia.org',
  'britannica.com',
  'dkfindout.com',
  'mathsframe.co.uk',
  'spellingshed.com',
  // Research with locked SafeSearch (the extension forces safe=active / adlt=strict).
  'google.co.uk/search',
  'google.com/search',
  'bing.com/search',
];

const OLDER_BLOCK: Partial<Record<Category, CategoryAction>> = {
  'illegal-csam': { action: 'block' },
  'illegal-terrorism': { action: 'block' },
  'illegal-hate': { action: 'block' },
  extremism: { action: 'block' },
  discrimination: { action: 'block' },
  pornography: { action: 'block' },
  'self-harm': { action: 'block' },
  violence: { action: 'block' },
  'substance-abuse': { action: 'block' },
  piracy: { action: 'block' },
  gambling: { action: 'block' },
  'proxy-vpn': { action: 'block' },
  'file-sharing': { action: 'block' },
};

const PUPIL_OLDER: Record<'KS3' | 'KS4' | 'KS5', Partial<Record<Category, CategoryAction>>> = {
  KS3: {
    ...OLDER_BLOCK,
    'social-media': { action: 'block' },
    messaging: { action: 'block' },
    gaming: { action: 'block' },
    video: { action: 'allow' },
  },
  KS4: {
    ...OLDER_BLOCK,
    'social-media': { action: 'block' },
    messaging: { action: 'block' },
    gaming: { action: 'allow-at-times', windows: [{ days: [1, 2, 3, 4, 5], start: '12:15', end: '13:15' }] },
    video: { action: 'allow' },
  },
  KS5: {
    ...OLDER_BLOCK,
    'social-media': {
      action: 'allow-at-times',
      windows: [{ days: [1, 2, 3, 4, 5], start: '12:15', end: '13:15' }],
    },
    messaging: { action: 'allow' },
    gaming: { action: 'allow-at-times', windows: [{ days: [1, 2, 3, 4, 5], start: '12:15', end: '13:15' }] },
    video: { action: 'allow' },
  },
};

/** The starter policy of a profile; a Welsh school's has Hwb on it, whatever the profile. */
export function starterPolicy(profile: Profile, timeZone: string, country: Country = 'england'): PolicyBody {
  const policy = starterPolicyOf(profile, timeZone);
  return country === 'wales' ? { ...policy, allow: [...new Set([...HWB.hosts, ...policy.allow])] } : policy;
}

function starterPolicyOf(profile: Profile, timeZone: string): PolicyBody {
  const base = {
    profile,
    timeZone,
    // Category data lives in the category store (the starter lists are its built-in source).
    categoryLists: {},
    block: [] as string[],
    safeSearch: true,
  };
  switch (profile) {
    case 'EYFS':
    case 'KS1':
      return {
        ...base,
        mode: 'allow-list',
        allow: [...EARLY_YEARS_ALLOW, ...resourceHosts(profile)],
        categories: {},
      };
    case 'KS2':
      return {
        ...base,
        mode: 'allow-list',
        allow: [...new Set([...KS2_ALLOW, ...resourceHosts(profile)])],
        categories: {},
      };
    case 'KS3':
    case 'KS4':
    case 'KS5':
      return { ...base, mode: 'block-list', allow: [], categories: PUPIL_OLDER[profile] };
    case 'staff':
      return {
        ...base,
        mode: 'block-list',
        allow: [],
        categories: {
          'illegal-csam': { action: 'block' },
          'illegal-terrorism': { action: 'block' },
          'illegal-hate': { action: 'block' },
          pornography: { action: 'block' },
          gambling: { action: 'block' },
          'proxy-vpn': { action: 'block' },
        },
      };
  }
}
