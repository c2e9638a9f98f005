import type { ExtensionBrowser } from '@waymark/shared';
import type { PolicyName } from './policy-names';

export type JsonValue = boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** One browser policy in a generated file, and why a school sets it on pupil devices. */
export interface BrowserPolicySetting {
  name: PolicyName;
  value: JsonValue;
  why: string;
  /** The same setting in the Google Admin console (Devices › Chrome), for the google-admin target. */
  adminConsole: string;
}

interface BrowserPolicyContext {
  browser: ExtensionBrowser;
  extensionId: string;
  updateUrl: string;
  /** E-mail domains the school's accounts use; none leaves sign-in unrestricted. */
  accountDomains: string[];
}

/**
 * Internal pages a pupil could use to weaken supervision. The extension's network rules never see
 * these schemes, so the browser's own list blocks them. Not all of chrome://*: the browser's new
 * tab, sign-in and settings pages (accessibility, captions, zoom) live there too, and Google and
 * Microsoft both warn that blocking every internal page breaks the browser in unexpected ways.
 */
const INTERNAL_PAGES = [
  'extensions',
  'extensions-internals',
  'flags',
  'inspect',
  'net-export',
  'net-internals',
  'policy',
  'serviceworker-internals',
];

/**
 * RestrictSigninToPattern is a regular expression matched against the whole account name. Edge
 * matches it case-sensitively (Microsoft's documentation), and account names come in any case
 * (Mia.Walker@School.example), so each letter of a domain is written as both cases: `[sS]`.
 * The same pattern is given to Chrome, which needs no inline flags for it.
 */
function signInPattern(domains: string[]): string {
  const escaped = domains.map((d) =>
    d
      .replace(/[.*+?^${}()|[\]\\-]/g, '\\$&')
      .replace(/[a-z]/gi, (c) => `[${c.toLowerCase()}${c.toUpperCase()}]`),
  );
  return escaped.length === 1 ? `.*@${escaped[0]}` : `.*@(${escaped.join('|')})`;
}

/** The force-install and the hardening, in the order the generated files list them. */
export function browserPolicySettings(ctx: BrowserPolicyContext): BrowserPolicySetting[] {
  const { browser, extensionId, updateUrl } = ctx;
  const edge = browser === 'edge';
  const scheme = edge ? 'edge' : 'chrome';
  const settings: BrowserPolicySetting[] = [
    {
      name: 'ExtensionInstallForcelist',
      value: [`${extensionId};${updateUrl}`],
      why: 'Installs Waymark on every profile without asking, from the school server; pupils cannot remove or turn it off.',
      adminConsole:
        'Apps & extensions › Users & browsers: the “+” button › “Add Chrome app or extension by ID”, “From a custom URL”, with the ID and update URL above; Installation policy “Force install + pin to browser toolbar”.',
    },
    {
      name: 'ExtensionSettings',
      value: {
        [extensionId]: {
          installation_mode: 'force_installed',
          update_url: updateUrl,
          // Otherwise updates would come from the update_url inside the package (or the store).
          override_update_url: true,
          ...(edge ? { toolbar_state: 'force_shown' } : { toolbar_pin: 'force_pinned' }),
        },
        '*': {
          installation_mode: 'blocked',
          blocked_install_message: 'Your school manages the extensions on this device.',
        },
      },
      why: 'Takes updates from the school server rather than a store, and keeps the Waymark button on the toolbar so pupils can see they are supervised and find “I need help”. Every other extension is blocked, with a message saying why.',
      adminConsole:
        'Set by the same force-install entry (“pin to browser toolbar”). Updates follow the update_url inside the package: pack it with --update-url (see docs/deploy.md).',
    },
    {
      name: 'ExtensionInstallBlocklist',
      value: ['*'],
      why: 'Pupils cannot add other extensions: proxies, VPNs and “unblockers” could read pages or route round the filter.',
      adminConsole:
        'Apps & extensions › Users & browsers › Additional settings: Allow/block mode “Block all apps, admin manages allowlist”.',
    },
    {
      name: 'ExtensionInstallAllowlist',
      value: [extensionId],
      why: 'The one exception to the block above. Add any other extension the school relies on (e.g. accessibility tools) to this list.',
      adminConsole: 'Implied by the force-install entry.',
    },
    {
      name: edge ? 'InPrivateModeAvailability' : 'IncognitoModeAvailability',
      value: 1,
      why: `${edge ? 'InPrivate' : 'Incognito'} windows are off: force-installed extensions do not run there, so browsing in one would be unfiltered and unreported.`,
      adminConsole: 'Users & browsers › Security: “Incognito mode” → Disallow incognito mode.',
    },
    {
      name: 'BrowserGuestModeEnabled',
      value: false,
      why: 'Guest mode is off: a guest profile has no extensions, so it would be unfiltered.',
      adminConsole:
        'Device settings › Sign-in settings: “Guest mode” → Disable guest mode (and Users & browsers: “Browser guest mode” → Prevent guest browser logins).',
    },
    {
      name: edge ? 'BrowserAddProfileEnabled' : 'BrowserAddPersonEnabled',
      value: false,
      why: 'No new profiles: a pupil stays in the profile the school manages, so every report names the right pupil.',
      adminConsole: 'Users & browsers: “Add person” → Do not allow users to add new profiles.',
    },
    {
      name: 'DeveloperToolsAvailability',
      value: 2,
      why: 'Developer tools are off: they can rewrite pages, run scripts and view blocked content’s source.',
      adminConsole:
        'Users & browsers › User experience: “Developer tools” → Never allow use of built-in developer tools.',
    },
    {
      name: 'ExtensionDeveloperModeSettings',
      value: 1,
      why: 'Developer mode on the extensions page stays off (from version 128 this no longer follows the developer-tools setting when set on its own).',
      adminConsole:
        'Apps & extensions › Users & browsers › Additional settings: “Extensions developer mode” → Do not allow.',
    },
    {
      name: 'URLBlocklist',
      value: [
        ...INTERNAL_PAGES.map((page) => `${scheme}://${page}`),
        'data:*',
        'view-source:*',
        'javascript://*',
      ],
      why: `Blocks what Waymark’s network rules cannot see: ${scheme}:// pages that can stop the extension’s worker, show its enrollment token or change browser internals, data: pages typed or pasted into the address bar, and view-source: and javascript: addresses. Pupils keep the ${scheme}:// pages they need (new tab, sign-in, accessibility settings).`,
      adminConsole: 'Users & browsers › Content › URL blocking: “Blocked URLs”, one per line.',
    },
    {
      name: 'ForceGoogleSafeSearch',
      value: true,
      why: 'Google SafeSearch is locked on by the browser as well as by Waymark, in every profile and from the first page.',
      adminConsole:
        'Users & browsers › Content: “SafeSearch and Restricted Mode” → Always use SafeSearch for Google Web Search queries.',
    },
    ...(edge
      ? [
          {
            name: 'ForceBingSafeSearch' as const,
            value: 2,
            why: 'Bing (Edge’s own search engine) is locked to strict SafeSearch.',
            adminConsole: 'Not a Chrome setting.',
          },
        ]
      : []),
    {
      name: 'ForceYouTubeRestrict',
      value: 2,
      why: 'YouTube Restricted Mode is locked to Strict, the level Waymark asks for too.',
      adminConsole:
        'Users & browsers › Content: “SafeSearch and Restricted Mode” → YouTube: Enforce strict Restricted Mode.',
    },
    {
      name: 'DnsOverHttpsMode',
      value: 'off',
      why: 'Secure DNS is off: DNS-over-HTTPS would send look-ups to a public resolver, round the school’s network filter (which holds the IWF and CTIRU lists).',
      adminConsole: 'Users & browsers › Network: “DNS-over-HTTPS” → Disable DNS-over-HTTPS.',
    },
  ];
  if (ctx.accountDomains.length > 0) {
    settings.push({
      name: 'RestrictSigninToPattern',
      value: signInPattern(ctx.accountDomains),
      why: `Only the school’s accounts (${ctx.accountDomains.join(', ')}) can sign in to the browser, so reports carry the pupil’s school identity and personal accounts cannot sync their own extensions and settings.`,
      adminConsole: `Device settings › Sign-in settings: “Sign-in restriction” → ${ctx.accountDomains.map((d) => `*@${d}`).join(', ')}.`,
    });
  }
  return settings;
}
