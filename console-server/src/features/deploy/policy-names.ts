/**
 * Every browser policy Waymark's generated files set, with its value type, checked against the
 * vendors' own definitions:
 * - Chrome: chromium/src components/policy/resources/templates/policy_definitions/<group>/<Name>.yaml
 *   (https://chromeenterprise.google/policies/), read for this list in November 2026;
 * - Edge: https://learn.microsoft.com/deployedge/microsoft-edge-policies (MicrosoftDocs/Edge-Enterprise,
 *   edgeenterprise/microsoft-edge-policies.md), including each policy's Windows registry value type.
 * The type decides how a value is written: a `.reg` list is a key of numbered REG_SZ values, a
 * dictionary is one REG_SZ holding JSON, a boolean or integer is a REG_DWORD.
 */
type PolicyType = 'boolean' | 'integer' | 'string' | 'list' | 'dictionary';

interface PolicyDefinition {
  type: PolicyType;
  chrome: boolean;
  edge: boolean;
  /** First version that supports it (the lower of Chrome's and Edge's, for reference). */
  since: number;
}

export const POLICY_DEFINITIONS = {
  ExtensionInstallForcelist: { type: 'list', chrome: true, edge: true, since: 9 },
  ExtensionInstallBlocklist: { type: 'list', chrome: true, edge: true, since: 77 },
  ExtensionInstallAllowlist: { type: 'list', chrome: true, edge: true, since: 77 },
  ExtensionSettings: { type: 'dictionary', chrome: true, edge: true, since: 62 },
  ExtensionDeveloperModeSettings: { type: 'integer', chrome: true, edge: true, since: 128 },
  DeveloperToolsAvailability: { type: 'integer', chrome: true, edge: true, since: 68 },
  IncognitoModeAvailability: { type: 'integer', chrome: true, edge: false, since: 14 },
  InPrivateModeAvailability: { type: 'integer', chrome: false, edge: true, since: 77 },
  BrowserGuestModeEnabled: { type: 'boolean', chrome: true, edge: true, since: 38 },
  BrowserAddPersonEnabled: { type: 'boolean', chrome: true, edge: false, since: 39 },
  BrowserAddProfileEnabled: { type: 'boolean', chrome: false, edge: true, since: 77 },
  URLBlocklist: { type: 'list', chrome: true, edge: true, since: 77 },
  ForceGoogleSafeSearch: { type: 'boolean', chrome: true, edge: true, since: 41 },
  ForceBingSafeSearch: { type: 'integer', chrome: false, edge: true, since: 77 },
  ForceYouTubeRestrict: { type: 'integer', chrome: true, edge: true, since: 55 },
  DnsOverHttpsMode: { type: 'string', chrome: true, edge: true, since: 78 },
  RestrictSigninToPattern: { type: 'string', chrome: true, edge: true, since: 21 },
  ProxySettings: { type: 'dictionary', chrome: true, edge: true, since: 18 },
} as const satisfies Record<string, PolicyDefinition>;

export type PolicyName = keyof typeof POLICY_DEFINITIONS;

export function isPolicyName(name: string): name is PolicyName {
  return Object.hasOwn(POLICY_DEFINITIONS, name);
}
