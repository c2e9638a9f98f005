import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse as parsePlist } from 'plist';
import { describe, expect, it } from 'vitest';
import {
  DEPLOY_TARGETS,
  DeployPolicyBodySchema,
  ProxyChoiceSchema,
  browserOfTarget,
  parseFilter,
  type DeployPolicyBody,
  type ProxyChoice,
  type DeployTarget,
} from '@waymark/shared';
import { generatePolicy } from '../src/features/deploy/generate-policy';
import { POLICY_DEFINITIONS, isPolicyName } from '../src/features/deploy/policy-names';
import { REG_HEADER } from '../src/features/deploy/formats/windows-reg';

type Json = Record<string, unknown>;

const ID = 'fmflnfoineocoingfdklgkhdcnlflpnm';
const MANAGED_SCHEMA = JSON.parse(
  fs.readFileSync(
    fileURLToPath(new URL('../../extension/public/managed_schema.json', import.meta.url)),
    'utf8',
  ),
) as { properties: Record<string, { type: string; enum?: string[]; sensitiveValue?: boolean }> };

const body = (target: DeployTarget, extra: Partial<DeployPolicyBody> = {}): DeployPolicyBody =>
  DeployPolicyBodySchema.parse({
    target,
    serverUrl: 'https://waymark.school.example/',
    enrollmentToken: 'enrol-Year2-7Qz',
    accountDomains: ['school.example', 'pupils.school.example'],
    ...extra,
  });

/** A minimal `.reg` reader: keys (with `[-key]` deletions) and typed values, rejecting anything else. */
function parseReg(bytes: Buffer) {
  expect([...bytes.subarray(0, 2)]).toEqual([0xff, 0xfe]);
  const text = bytes.subarray(2).toString('utf16le');
  expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  const lines = text.split('\r\n');
  expect(lines[0]).toBe(REG_HEADER);
  expect(lines[1]).toBe('');
  const keys = new Map<string, Map<string, { type: 'sz' | 'dword'; value: string | number }>>();
  const deleted: string[] = [];
  let current: Map<string, { type: 'sz' | 'dword'; value: string | number }> | null = null;
  for (const line of lines.slice(2)) {
    if (line === '' || line.startsWith(';')) continue;
    const key = /^\[(-?)(HKEY_LOCAL_MACHINE\\[^\]]+)\]$/.exec(line);
    if (key) {
      if (key[1]) {
        deleted.push(key[2]!);
        current = null;
      } else {
        current = keys.get(key[2]!) ?? new Map();
        keys.set(key[2]!, current);
      }
      continue;
    }
    const value = /^"((?:[^"\\]|\\.)*)"=(?:"((?:[^"\\]|\\.)*)"|dword:([0-9a-f]{8}))$/.exec(line);
    if (!value || !current) throw new Error(`not a .reg value line under a key: ${line}`);
    const unescape = (s: string) => s.replace(/\\(.)/g, '$1');
    current.set(
      unescape(value[1]!),
      value[3] !== undefined
        ? { type: 'dword', value: Number.parseInt(value[3], 16) }
        : { type: 'sz', value: unescape(value[2]!) },
    );
  }
  return { keys, deleted, text };
}

/** The policies a `.reg` file sets, read back into the same shape as the Linux JSON. */
function regAsPolicyJson(bytes: Buffer, root: string): Json {
  const { keys, deleted } = parseReg(bytes);
  const policy: Json = {};
  for (const [name, { type, value }] of keys.get(root) ?? []) {
    expect(isPolicyName(name)).toBe(true);
    const definition = POLICY_DEFINITIONS[name as keyof typeof POLICY_DEFINITIONS];
    if (definition.type === 'boolean') {
      expect(type).toBe('dword');
      policy[name] = value === 1;
    } else if (definition.type === 'integer') {
      expect(type).toBe('dword');
      policy[name] = value;
    } else if (definition.type === 'dictionary') {
      expect(type).toBe('sz');
      policy[name] = JSON.parse(value as string);
    } else {
      expect(definition.type).toBe('string');
      expect(type).toBe('sz');
      policy[name] = value;
    }
  }
  for (const [key, values] of keys) {
    if (key === root || key.includes('\\3rdparty\\')) continue;
    const name = key.slice(root.length + 1);
    expect(key.startsWith(`${root}\\`) && isPolicyName(name)).toBe(true);
    expect(POLICY_DEFINITIONS[name as keyof typeof POLICY_DEFINITIONS].type).toBe('list');
    expect(deleted).toContain(key);
    const names = [...values.keys()];
    expect(names).toEqual(names.map((_, i) => String(i + 1)));
    policy[name] = [...values.values()].map((v) => {
      expect(v.type).toBe('sz');
      return v.value;
    });
  }
  const managedKey = `${root}\\3rdparty\\extensions\\${ID}\\policy`;
  expect(deleted).toContain(managedKey);
  policy['3rdparty'] = {
    extensions: { [ID]: Object.fromEntries([...keys.get(managedKey)!].map(([k, v]) => [k, v.value])) },
  };
  return policy;
}

function expectRealPolicies(policy: Json, browser: 'chrome' | 'edge') {
  for (const [name, value] of Object.entries(policy)) {
    if (name === '3rdparty') continue;
    expect(isPolicyName(name), `${name} is a ${browser} policy`).toBe(true);
    const definition = POLICY_DEFINITIONS[name as keyof typeof POLICY_DEFINITIONS];
    expect(definition[browser], `${name} exists in ${browser}`).toBe(true);
    const type = {
      boolean: 'boolean',
      integer: 'number',
      string: 'string',
      list: 'array',
      dictionary: 'object',
    }[definition.type];
    expect(Array.isArray(value) ? 'array' : typeof value, name).toBe(type);
    if (definition.type === 'list') for (const item of value as unknown[]) expect(typeof item).toBe('string');
  }
}

function expectManagedConfig(config: Json) {
  for (const [key, value] of Object.entries(config)) {
    const property = MANAGED_SCHEMA.properties[key];
    expect(property, `${key} is in the extension's managed_schema.json`).toBeDefined();
    expect(typeof value).toBe(property!.type);
    if (property!.enum) expect(property!.enum).toContain(value);
  }
  // The token enrolls any device into the school: chrome://policy and edge://policy mask it.
  expect(MANAGED_SCHEMA.properties.enrollmentToken?.sensitiveValue).toBe(true);
  expect(config).toMatchObject({
    serverUrl: 'https://waymark.school.example',
    enrollmentToken: 'enrol-Year2-7Qz',
  });
}

/** ICU's RegexMatcher::matches(), which Chrome uses for RestrictSigninToPattern, matches the whole name. */
const fullMatch = (pattern: string, name: string) => new RegExp(`^(?:${pattern})$`).test(name);

function expectHardening(policy: Json, browser: 'chrome' | 'edge') {
  const updateUrl = `https://waymark.school.example/extension/update.xml${browser === 'edge' ? '?browser=edge' : ''}`;
  expect(policy.ExtensionInstallForcelist).toEqual([`${ID};${updateUrl}`]);
  const settings = policy.ExtensionSettings as Record<string, Json>;
  for (const key of Object.keys(settings)) expect(key).toMatch(/^([a-p]{32}|\*)$/);
  expect(settings[ID]).toMatchObject({
    installation_mode: 'force_installed',
    update_url: updateUrl,
    override_update_url: true,
    ...(browser === 'edge' ? { toolbar_state: 'force_shown' } : { toolbar_pin: 'force_pinned' }),
  });
  expect(settings['*']).toMatchObject({ installation_mode: 'blocked' });
  expect(policy.ExtensionInstallBlocklist).toEqual(['*']);
  expect(policy.ExtensionInstallAllowlist).toEqual([ID]);
  expect(policy[browser === 'edge' ? 'InPrivateModeAvailability' : 'IncognitoModeAvailability']).toBe(1);
  expect(policy.BrowserGuestModeEnabled).toBe(false);
  expect(policy.DeveloperToolsAvailability).toBe(2);
  expect(policy.ExtensionDeveloperModeSettings).toBe(1);
  expect(policy.ForceGoogleSafeSearch).toBe(true);
  expect(policy.ForceYouTubeRestrict).toBe(2);
  if (browser === 'edge') expect(policy.ForceBingSafeSearch).toBe(2);
  expect(policy.DnsOverHttpsMode).toBe('off');
  const blocklist = policy.URLBlocklist as string[];
  const scheme = browser === 'edge' ? 'edge' : 'chrome';
  expect(blocklist).toEqual(
    expect.arrayContaining([
      `${scheme}://extensions`,
      `${scheme}://serviceworker-internals`,
      'data:*',
      'file://*',
    ]),
  );
  // The proxy is locked; by default to the operating system's, as the school's network sets it.
  expect(policy.ProxySettings).toEqual({ ProxyMode: 'system' });
  if (browser === 'chrome') {
    for (const entry of blocklist) {
      // Chromium's url_matcher takes "scheme:*" as a whole-scheme wildcard before anything else.
      if (/^[a-z-]+:(\/\/)?\*$/.test(entry)) continue;
      expect(parseFilter(entry), entry).toMatchObject({ ok: true });
    }
  }
  const pattern = policy.RestrictSigninToPattern as string;
  expect(fullMatch(pattern, 'mia.walker@pupils.school.example')).toBe(true);
  expect(fullMatch(pattern, 'head@school.example')).toBe(true);
  // Edge matches the pattern case-sensitively: a pupil whose address has capitals must still sign in.
  expect(fullMatch(pattern, 'Mia.Walker@Pupils.SCHOOL.Example')).toBe(true);
  expect(fullMatch(pattern, 'someone@GMAIL.com')).toBe(false);
  expect(fullMatch(pattern, 'someone@gmail.com')).toBe(false);
  expect(fullMatch(pattern, 'x@school.example.evil.com')).toBe(false);
  expect(fullMatch(pattern, 'x@schoolXexample')).toBe(false);
}

describe('generated deployment files', () => {
  it.each(['chrome-linux', 'edge-linux'] as const)(
    '%s: JSON with real policy names, the hardening and the managed configuration',
    (target) => {
      const browser = browserOfTarget(target);
      const file = generatePolicy(body(target), ID);
      expect(file.fileName).toBe(`waymark-${browser}-policy.json`);
      const policy = JSON.parse(Buffer.from(file.contentBase64, 'base64').toString('utf8')) as Json;
      expectRealPolicies(policy, browser);
      expectHardening(policy, browser);
      expectManagedConfig((policy['3rdparty'] as { extensions: Record<string, Json> }).extensions[ID]!);
      expect(Object.keys(policy['3rdparty'] as Json)).toEqual(['extensions']);
    },
  );

  it.each(['chrome-windows', 'edge-windows'] as const)(
    '%s: a .reg file regedit accepts, setting exactly what the Linux file sets',
    (target) => {
      const browser = browserOfTarget(target);
      const file = generatePolicy(body(target), ID);
      expect(file.fileName).toBe(`waymark-${browser}.reg`);
      const root =
        browser === 'edge'
          ? 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Microsoft\\Edge'
          : 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Google\\Chrome';
      const fromReg = regAsPolicyJson(Buffer.from(file.contentBase64, 'base64'), root);
      const linux = JSON.parse(generatePolicy(body(`${browser}-linux`), ID).text) as Json;
      expect(fromReg).toEqual(linux);
      // Every setting is explained in a comment above it.
      for (const setting of file.settings) expect(file.text).toContain(`; ${setting.name}:`);
    },
  );

  it('escapes quotes and backslashes in .reg strings, and refuses line breaks', () => {
    const file = generatePolicy(body('chrome-windows', { enrollmentToken: 'a"b\\c' }), ID);
    const { keys } = parseReg(Buffer.from(file.contentBase64, 'base64'));
    const managed = keys.get(
      `HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Google\\Chrome\\3rdparty\\extensions\\${ID}\\policy`,
    );
    expect(managed?.get('enrollmentToken')?.value).toBe('a"b\\c');
  });

  it.each(['chrome-macos', 'edge-macos'] as const)(
    '%s: a configuration profile that parses as a plist, with the policies and the extension’s own domain',
    (target) => {
      const browser = browserOfTarget(target);
      const file = generatePolicy(body(target), ID);
      expect(file.fileName).toBe(`waymark-${browser}.mobileconfig`);
      expect(file.text).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<!DOCTYPE plist PUBLIC/);
      const profile = parsePlist(Buffer.from(file.contentBase64, 'base64').toString('utf8')) as Json;
      const uuid = /^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/;
      expect(profile).toMatchObject({
        PayloadType: 'Configuration',
        PayloadVersion: 1,
        PayloadScope: 'System',
        PayloadIdentifier: `org.waymark.deploy.waymark.school.example.${browser}`,
      });
      expect(profile.PayloadUUID).toMatch(uuid);
      expect(typeof profile.PayloadDisplayName).toBe('string');
      const payloads = profile.PayloadContent as Json[];
      expect(payloads).toHaveLength(2);
      for (const payload of payloads) {
        expect(payload.PayloadVersion).toBe(1);
        expect(payload.PayloadUUID).toMatch(uuid);
        expect(String(payload.PayloadIdentifier)).toMatch(
          new RegExp(`^${String(profile.PayloadIdentifier).replace(/\./g, '\\.')}\\.`),
        );
      }
      expect(new Set([profile.PayloadUUID, ...payloads.map((p) => p.PayloadUUID)]).size).toBe(3);
      const domain = browser === 'edge' ? 'com.microsoft.Edge' : 'com.google.Chrome';
      const {
        PayloadType,
        PayloadVersion,
        PayloadIdentifier,
        PayloadUUID,
        PayloadEnabled,
        PayloadDisplayName,
        PayloadDescription,
        ...policies
      } = payloads[0]!;
      expect(PayloadType).toBe(domain);
      void [
        PayloadVersion,
        PayloadIdentifier,
        PayloadUUID,
        PayloadEnabled,
        PayloadDisplayName,
        PayloadDescription,
      ];
      const linux = JSON.parse(generatePolicy(body(`${browser}-linux`), ID).text) as Json;
      const { '3rdparty': thirdParty, ...linuxPolicies } = linux;
      expect(policies).toEqual(linuxPolicies);
      expectHardening(policies, browser);
      const extension = payloads[1]!;
      expect(extension.PayloadType).toBe(`${domain}.extensions.${ID}`);
      const managed = Object.fromEntries(Object.entries(extension).filter(([k]) => !k.startsWith('Payload')));
      expect(managed).toEqual((thirdParty as { extensions: Record<string, Json> }).extensions[ID]);
      expectManagedConfig(managed);
      for (const setting of file.settings) expect(file.text).toContain(`<!-- ${setting.name}:`);
    },
  );

  it('gives a regenerated profile the same identifiers, so it replaces the installed one', () => {
    const a = generatePolicy(body('chrome-macos'), ID).text;
    const b = generatePolicy(body('chrome-macos', { enrollmentToken: 'another' }), ID).text;
    const uuids = (text: string) => text.match(/[0-9A-F]{8}-[0-9A-F-]{27}/g);
    expect(uuids(a)).toEqual(uuids(b));
    expect(
      uuids(generatePolicy(body('chrome-macos', { serverUrl: 'https://other.example' }), ID).text),
    ).not.toEqual(uuids(a));
  });

  it('google-admin: the managed configuration as the Admin console takes it, and where every other setting goes', () => {
    const file = generatePolicy(body('google-admin', { locale: 'cy', fixedProfile: 'KS1' }), ID);
    const config = JSON.parse(file.text) as Record<string, { Value: unknown }>;
    for (const entry of Object.values(config)) expect(Object.keys(entry)).toEqual(['Value']);
    expectManagedConfig(Object.fromEntries(Object.entries(config).map(([k, v]) => [k, v.Value])));
    expect(config.locale).toEqual({ Value: 'cy' });
    expect(config.fixedProfile).toEqual({ Value: 'KS1' });
    expect(file.updateUrl).toBe('https://waymark.school.example/extension/update.xml');
    for (const setting of file.settings) expect(setting.adminConsole, setting.name).toBeTruthy();
    expect(file.settings.map((s) => s.name)).toEqual(
      expect.arrayContaining(['ExtensionInstallForcelist', 'IncognitoModeAvailability', 'DnsOverHttpsMode']),
    );
  });

  it.each(DEPLOY_TARGETS)('%s: the README block explains every setting', (target) => {
    const file = generatePolicy(body(target), ID);
    expect(file.readme).toContain(file.fileName);
    expect(file.readme).toContain(file.install);
    for (const setting of file.settings) {
      expect(setting.why.length).toBeGreaterThan(20);
      expect(file.readme).toContain(`| ${setting.name} |`);
    }
  });

  it('locks the proxy to the school’s choice, each explained, and refuses a choice with a part missing', () => {
    const policyOf = (proxy: ProxyChoice) =>
      JSON.parse(generatePolicy(body('chrome-linux'), ID, proxy).text) as Json;
    expect(policyOf({ mode: 'direct' }).ProxySettings).toEqual({ ProxyMode: 'direct' });
    expect(policyOf({ mode: 'fixed_servers', server: 'proxy.school.example:3128' }).ProxySettings).toEqual({
      ProxyMode: 'fixed_servers',
      ProxyServer: 'proxy.school.example:3128',
    });
    expect(
      policyOf({ mode: 'pac_script', pacUrl: 'https://school.example/proxy.pac' }).ProxySettings,
    ).toEqual({
      ProxyMode: 'pac_script',
      ProxyPacUrl: 'https://school.example/proxy.pac',
    });
    // Windows takes the dictionary as JSON in one REG_SZ, as Chrome and Edge read it.
    const reg = generatePolicy(body('edge-windows'), ID, { mode: 'direct' }).text;
    expect(reg).toContain('"ProxySettings"="{\\"ProxyMode\\":\\"direct\\"}"');
    // macOS: a dictionary in the profile's payload.
    const mac = generatePolicy(body('chrome-macos'), ID, {
      mode: 'pac_script',
      pacUrl: 'https://school.example/p.pac',
    });
    const macPolicies = ((parsePlist(mac.text) as Json).PayloadContent as Json[])[0]!;
    expect(macPolicies.ProxySettings).toEqual({
      ProxyMode: 'pac_script',
      ProxyPacUrl: 'https://school.example/p.pac',
    });
    const explained = generatePolicy(body('google-admin'), ID).settings;
    expect(explained.find((s) => s.name === 'ProxySettings')).toMatchObject({
      why: expect.stringMatching(/operating system’s proxy.*cannot set another proxy/),
      adminConsole: expect.stringMatching(/Proxy mode.*Use system proxy settings/),
    });
    expect(
      generatePolicy(body('google-admin'), ID, {
        mode: 'fixed_servers',
        server: 'proxy.school.example:3128',
      }).settings.find((s) => s.name === 'ProxySettings')?.adminConsole,
    ).toMatch(/Always use the proxy specified below \(proxy.school.example:3128\)/);
    expect(explained.find((s) => s.name === 'URLBlocklist')?.why).toMatch(/local files \(file:\/\/\)/);
  });

  it('takes a proxy choice only whole: a PAC file over https, a server with a valid port', () => {
    const issues = (proxy: unknown) => {
      const parsed = ProxyChoiceSchema.safeParse(proxy);
      return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    };
    for (const good of [
      { mode: 'system' },
      { mode: 'direct' },
      { mode: 'pac_script', pacUrl: 'https://school.example/proxy.pac' },
      { mode: 'fixed_servers', server: 'proxy.school.example:3128' },
      { mode: 'fixed_servers', server: 'socks5://10.0.0.2:1080' },
      { mode: 'fixed_servers', server: '[2001:db8::2]:8080' },
      { mode: 'fixed_servers', server: 'proxy' },
    ])
      expect(issues(good)).toEqual([]);
    expect(issues({ mode: 'fixed_servers' })).toEqual([expect.stringMatching(/^server: /)]);
    expect(issues({ mode: 'fixed_servers', server: 'proxy.school.example:99999' })).toEqual([
      expect.stringContaining('server: a proxy server is a host name or address with its port'),
    ]);
    expect(issues({ mode: 'fixed_servers', server: 'ftp://proxy:21' })).toHaveLength(1);
    expect(issues({ mode: 'fixed_servers', server: 'proxy one:3128' })).toHaveLength(1);
    expect(issues({ mode: 'pac_script', pacUrl: 'http://school.example/proxy.pac' })).toEqual([
      expect.stringContaining('pacUrl: the PAC file address must be a full https:// address'),
    ]);
    expect(issues({ mode: 'pac_script', pacUrl: 'file:///etc/p.pac' })).toHaveLength(1);
    expect(issues({ mode: 'socks' })).toEqual([
      expect.stringContaining('the proxy mode must be one of system, direct, pac_script, fixed_servers'),
    ]);
    // The file's body names no proxy: the school's stored choice decides.
    expect(DeployPolicyBodySchema.safeParse({ ...body('chrome-linux'), proxyMode: 'direct' }).success).toBe(
      false,
    );
  });

  it('leaves sign-in unrestricted when no domain is given, rather than locking everyone out', () => {
    const policy = JSON.parse(generatePolicy(body('chrome-linux', { accountDomains: [] }), ID).text) as Json;
    expect(policy).not.toHaveProperty('RestrictSigninToPattern');
  });

  it('refuses junk input with a reason', () => {
    const bad = DeployPolicyBodySchema.safeParse({
      target: 'chrome-beos',
      serverUrl: 'ftp://x',
      enrollmentToken: 'has space',
      accountDomains: ['not a domain'],
    });
    expect(bad.success).toBe(false);
    const paths = bad.error!.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(
      expect.arrayContaining(['target', 'serverUrl', 'enrollmentToken', 'accountDomains.0']),
    );
  });
});
