import {
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
export { STARTER_CATEGORY_LISTS, STARTER_LIST_SOURCES } from './starter-category-lists';

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
