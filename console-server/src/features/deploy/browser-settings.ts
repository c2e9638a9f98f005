import type { ExtensionBrowser, ProxyChoice } from '@waymark/shared';
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
  proxy: ProxyChoice;
}

/** What the locked proxy does, in words, for the school's choice. */
function proxyWhy(proxy: ProxyChoice): string {
  switch (proxy.mode) {
    case 'system':
      return 'follows the operating system’s proxy, which the school’s network or device management sets (a school with a web proxy keeps it, one without keeps none)';
    case 'direct':
      return 'uses no proxy at all (a proxy set for the whole machine is ignored)';
    case 'fixed_servers':
      return `always goes through the school’s proxy, ${proxy.server}`;
    case 'pac_script':
      return `takes its proxy from the school’s auto-configuration file at ${proxy.pacUrl} (over https only, so no one on the network can rewrite it)`;
  }
}

/**
 * The proxy, locked. `system` is the default because it is what a school expects: the browser
 * behaves as before (the school's proxy, set for the whole machine, keeps working; `direct` would
 * break it), while no extension, launch flag or settings page can point the browser elsewhere.
 */
function proxySetting(proxy: ProxyChoice): BrowserPolicySetting {
  const value: Record<string, JsonValue> = { ProxyMode: proxy.mode };
  if (proxy.mode === 'fixed_servers') value.ProxyServer = proxy.server;
  if (proxy.mode === 'pac_script') value.ProxyPacUrl = proxy.pacUrl;
  return {
    name: 'ProxySettings',
    value,
    why: `Locks how the browser reaches the web: it ${proxyWhy(proxy)}, and pupils cannot set another proxy (in settings, with an extension or with a launch flag) to route round the school’s filter. The school chooses it on the console’s Deploy page (or with --proxy-mode on the command line). Waymark reports a proxy device policy did not set as tampering.`,
    adminConsole: `Users & browsers › Network: “Proxy mode” → ${
      {
        system: 'Use system proxy settings',
        direct: 'Never use a proxy',
        fixed_servers: `Always use the proxy specified below (${proxy.mode === 'fixed_servers' ? proxy.server : ''})`,
        pac_script: `Always use the proxy auto-config specified below (${proxy.mode === 'pac_script' ? proxy.pacUrl : ''})`,
      }[proxy.mode]
    }.`,
  };
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
        'file://*',
      ],
      why: `Blocks what Waymark’s network rules cannot see: ${scheme}:// pages that can stop the extension’s worker, show its enrollment token or change browser internals, data: pages typed or pasted into the address bar, view-source: and javascript: addresses, and local files (file://): a policy-installed extension has no access to them, so a saved .html file could frame blocked sites unseen. Pupils keep the ${scheme}:// pages they need (new tab, sign-in, accessibility settings); files they download open in their own apps.`,
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
    proxySetting(ctx.proxy),
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
