import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli/main';

function run(args: string[]) {
  let stdout = '';
  let stderr = '';
  const io = {
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t) },
  };
  return main(args, io).then((code) => ({ code, stdout, stderr }));
}

function tempFile(name: string, content: string): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'waymark-cli-')), name);
  fs.writeFileSync(file, content);
  return file;
}

describe('waymark check-url', () => {
  it('says allowed or blocked and which rule decided, for each URL', async () => {
    const { code, stdout } = await run([
      'check-url',
      '--profile',
      'KS1',
      'https://www.bbc.co.uk/bitesize',
      'https://www.miniclip.com/',
    ]);
    expect(code).toBe(0);
    expect(stdout).toBe(
      'allowed  https://www.bbc.co.uk/bitesize  (KS1 allow-list: "bbc.co.uk/bitesize")\n' +
        'blocked  https://www.miniclip.com/  (not on the KS1 allow-list; category gaming; list: Waymark starter lists)\n',
    );
  });

  it('--json prints one array in the order given', async () => {
    const { code, stdout } = await run([
      'check-url',
      '--json',
      '--profile',
      'KS3',
      '--',
      'https://bet365.com/',
      'https://www.childline.org.uk/',
    ]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual([
      {
        url: 'https://bet365.com/',
        verdict: 'blocked',
        rule: 'category gambling: "bet365.com"',
        category: 'gambling',
        lists: ['Waymark starter lists'],
      },
      {
        url: 'https://www.childline.org.uk/',
        verdict: 'allowed',
        rule: 'help site: Childline',
        category: null,
      },
    ]);
  });

  it('--chrome-policy answers as Chrome would, warning about entries Chrome ignores', async () => {
    const file = tempFile(
      'policy.json',
      JSON.stringify({ URLBlocklist: ['*'], URLAllowlist: ['bbc.co.uk', 'bad host', '.exact.test'] }),
    );
    const { code, stdout, stderr } = await run([
      'check-url',
      '--chrome-policy',
      file,
      '--json',
      'https://www.bbc.co.uk/news',
      'https://exact.test/',
      'https://sub.exact.test/',
      'https://www.childline.org.uk/',
    ]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual([
      {
        url: 'https://www.bbc.co.uk/news',
        verdict: 'allowed',
        rule: 'URLAllowlist: "bbc.co.uk"',
        category: null,
      },
      { url: 'https://exact.test/', verdict: 'allowed', rule: 'URLAllowlist: ".exact.test"', category: null },
      { url: 'https://sub.exact.test/', verdict: 'blocked', rule: 'URLBlocklist: "*"', category: null },
      // Chrome knows nothing of help sites: a Chrome policy is answered exactly as Chrome would.
      { url: 'https://www.childline.org.uk/', verdict: 'blocked', rule: 'URLBlocklist: "*"', category: null },
    ]);
    expect(stderr).toContain('URLAllowlist[1] "bad host" ignored');
  });

  it('--policy reads a Waymark policy file and --at decides time windows', async () => {
    const file = tempFile(
      'waymark.json',
      JSON.stringify({
        version: 3,
        profile: 'KS4',
        mode: 'block-list',
        allow: [],
        block: [],
        categories: {
          gaming: {
            action: 'allow-at-times',
            windows: [{ days: [1, 2, 3, 4, 5], start: '12:00', end: '13:00' }],
          },
        },
        categoryLists: { gaming: ['roblox.com'] },
        alwaysAllowed: [],
        overrides: [],
      }),
    );
    const lunch = await run([
      'check-url',
      '--policy',
      file,
      '--at',
      '2026-11-25T12:30:00Z',
      'https://www.roblox.com/',
    ]);
    expect(lunch.stdout).toMatch(/^allowed/);
    const lesson = await run([
      'check-url',
      '--policy',
      file,
      '--at',
      '2026-11-25T10:30:00Z',
      'https://www.roblox.com/',
    ]);
    expect(lesson.stdout).toMatch(/^blocked .*category gaming/);
  });

  it('--policy: a host on an illegal list is blocked though the allow-list and a lesson override name it', async () => {
    const base = {
      version: 3,
      profile: 'KS2',
      mode: 'allow-list',
      allow: ['listed.invalid', 'example.invalid'],
      block: [],
      categories: {},
      categoryLists: { 'illegal-csam': ['listed.invalid', 'override.invalid'] },
      alwaysAllowed: [],
      overrides: [
        {
          id: 'o1',
          classId: 'c1',
          kind: 'open',
          sites: ['override.invalid'],
          startsAt: '2026-11-25T09:00:00Z',
          endsAt: '2026-11-25T15:00:00Z',
          createdBy: 'teacher@school.test',
        },
      ],
    };
    const { code, stdout } = await run([
      'check-url',
      '--json',
      '--policy',
      tempFile('waymark.json', JSON.stringify(base)),
      '--at',
      '2026-11-25T10:30:00Z',
      'https://listed.invalid/',
      'https://override.invalid/',
      'https://example.invalid/',
    ]);
    expect(code).toBe(0);
    expect(
      JSON.parse(stdout).map((d: { verdict: string; category: string | null }) => [d.verdict, d.category]),
    ).toEqual([
      ['blocked', 'illegal-csam'],
      ['blocked', 'illegal-csam'],
      ['allowed', null],
    ]);
    const allowing = { ...base, categories: { 'illegal-csam': { action: 'allow' } } };
    const refused = await run([
      'check-url',
      '--policy',
      tempFile('waymark.json', JSON.stringify(allowing)),
      'https://listed.invalid/',
    ]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/illegal-csam is illegal content: its only action is "block"/);
  });

  it('answers a malformed URL "invalid" and still checks the rest (exit 0)', async () => {
    const { code, stdout } = await run([
      'check-url',
      '--json',
      '--profile',
      'KS1',
      '--',
      'not a url',
      'https://www.miniclip.com/',
    ]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual([
      { url: 'not a url', verdict: 'invalid', rule: 'not a URL', category: null },
      expect.objectContaining({ url: 'https://www.miniclip.com/', verdict: 'blocked', category: 'gaming' }),
    ]);
    const text = await run(['check-url', 'http://', 'https://www.bbc.co.uk/bitesize']);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^invalid {2}http:\/\/ {2}\(not a URL\)\nallowed /);
  });

  it.each([
    [['check-url'], /at least one URL/],
    [['check-url', '--nope', 'https://a.test/'], /Unknown option '--nope'/],
    [['check-url', '--profile', 'KS9', 'https://a.test/'], /--profile must be one of/],
    [['check-url', '--profile', 'KS1', '--policy', 'x.json', 'https://a.test/'], /only one of/],
    [['check-url', '--at', 'someday', 'https://a.test/'], /is not a date/],
    [['frobnicate'], /unknown command "frobnicate"/],
    [[], /Usage: waymark <command>/],
  ])('bad arguments %j: usage message, exit 2', async (args, message) => {
    const { code, stderr } = await run(args);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
  });

  it.each([
    ['missing', () => '/nonexistent/policy.json', /cannot read/],
    ['not JSON', () => tempFile('p.json', '{nope'), /not valid JSON/],
    ['not a policy', () => tempFile('p.json', '{"profile":"KS9"}'), /not a valid Waymark policy: .*profile/],
  ])('an unreadable or invalid --policy file (%s) says what is wrong, exit 1', async (_, file, message) => {
    const { code, stderr } = await run(['check-url', '--policy', file(), 'https://a.test/']);
    expect(code).toBe(1);
    expect(stderr).toMatch(message);
  });

  it('an invalid --chrome-policy file says what is wrong, exit 1', async () => {
    const { code, stderr } = await run([
      'check-url',
      '--chrome-policy',
      tempFile('c.json', '{"URLBlocklist":"*"}'),
      'https://a.test/',
    ]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/URLBlocklist must be an array/);
  });

  it('runs as `npx waymark` through the package bin', async () => {
    const bin = fileURLToPath(new URL('../bin/waymark.js', import.meta.url));
    const { stdout } = await promisify(execFile)(process.execPath, [
      bin,
      'check-url',
      '--json',
      'https://www.topmarks.co.uk/',
    ]);
    expect(JSON.parse(stdout)).toEqual([
      {
        url: 'https://www.topmarks.co.uk/',
        verdict: 'allowed',
        rule: 'KS1 allow-list: "topmarks.co.uk"',
        category: null,
      },
    ]);
  });
});

describe('waymark check-url with a category list past the engine’s argument limit', () => {
  it('answers for a 150,000-domain list (it threw RangeError: Maximum call stack size exceeded)', async () => {
    const domains = Array.from({ length: 150_000 }, (_, i) => `casino${i}.example`);
    const file = tempFile(
      'big.json',
      JSON.stringify({
        version: 1,
        profile: 'KS4',
        mode: 'block-list',
        allow: [],
        block: [],
        categories: { gambling: { action: 'block' } },
        categoryLists: { gambling: domains },
        alwaysAllowed: [],
        overrides: [],
      }),
    );
    const { code, stdout } = await run([
      'check-url',
      '--json',
      '--policy',
      file,
      'https://casino149999.example/',
      'https://homework.example/',
    ]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual([
      {
        url: 'https://casino149999.example/',
        verdict: 'blocked',
        rule: 'category gambling: "casino149999.example"',
        category: 'gambling',
      },
      { url: 'https://homework.example/', verdict: 'allowed', rule: 'no rule blocks it', category: null },
    ]);
  }, 120_000);
});
