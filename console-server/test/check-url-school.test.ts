import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Country } from '@waymark/shared';
import { main } from '../src/cli/main';
import { seedDemoSchool } from '../src/seed/demo-school';
import { openTestPglite } from './harness';

const dirs: Record<Country, string> = {
  england: fs.mkdtempSync(path.join(os.tmpdir(), 'waymark-check-school-en-')),
  wales: fs.mkdtempSync(path.join(os.tmpdir(), 'waymark-check-school-cy-')),
};

afterAll(() => {
  for (const dir of Object.values(dirs)) fs.rmSync(dir, { recursive: true, force: true });
});

async function run(args: string[]) {
  let stdout = '';
  let stderr = '';
  const io = {
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t) },
  };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

/** Sign-in and lesson pages of each resource the seed schools' policies name, and the stages given it. */
const RESOURCES: Array<{ name: string; profiles: string[]; urls: string[] }> = [
  {
    name: 'Purple Mash',
    profiles: ['EYFS', 'KS1', 'KS2'],
    urls: ['https://www.purplemash.com/sch/melthammoor', 'https://www.2simple.com/'],
  },
  { name: 'Sumdog', profiles: ['KS1', 'KS2'], urls: ['https://www.sumdog.com/user/sign_in'] },
  {
    name: 'Times Tables Rock Stars',
    profiles: ['KS1', 'KS2'],
    urls: ['https://play.ttrockstars.com/auth/school/student'],
  },
  {
    name: 'Google Classroom',
    profiles: ['KS1', 'KS2'],
    urls: [
      'https://classroom.google.com/u/0/h',
      'https://accounts.google.com/ServiceLogin?continue=https%3A%2F%2Fclassroom.google.com%2F',
      'https://docs.google.com/document/d/1abc/edit',
    ],
  },
  { name: 'ClassDojo', profiles: ['EYFS', 'KS1', 'KS2'], urls: ['https://student.classdojo.com/'] },
  {
    name: 'White Rose',
    profiles: ['EYFS', 'KS1', 'KS2'],
    urls: ['https://whiteroseeducation.com/resources/maths', 'https://player.vimeo.com/video/123456789'],
  },
  {
    name: 'Oak National Academy',
    profiles: ['KS1', 'KS2'],
    urls: ['https://www.thenational.academy/pupils/programmes/maths-primary-year-2'],
  },
];

const HWB_PAGES = [
  'https://hwb.gov.wales/',
  'https://hwbcymru-my.sharepoint.com/personal/pupil_hwbcymru_net/',
  'https://www.office.com/',
  'https://teams.microsoft.com/',
];
const HWB_SIGN_IN = [
  'https://login.microsoftonline.com/common/oauth2/v2.0/authorize',
  'https://login.microsoft.com/',
  'https://autologon.microsoftazuread-sso.com/hwbcymru.net/winauth/sso',
];

type Verdict = { url: string; verdict: string; rule: string };
const PROFILES = ['EYFS', 'KS1', 'KS2'] as const;
const ALL_URLS = [
  ...RESOURCES.flatMap((r) => r.urls),
  ...HWB_PAGES,
  ...HWB_SIGN_IN,
  'https://www.meic.cymru/',
  'https://www.childline.org.uk/',
];
const verdicts = new Map<string, Verdict>();

// The demo school as the server seeds it, English and (WAYMARK_DEMO_COUNTRY=wales) Welsh; then
// one check-url --school per school and profile (each opens the database, which is slow).
beforeAll(async () => {
  for (const country of ['england', 'wales'] as const) {
    const database = await openTestPglite(dirs[country]);
    await seedDemoSchool(database.db, country);
    await database.close();
    for (const profile of PROFILES) {
      const { code, stdout, stderr } = await run([
        'check-url',
        '--school',
        'demo',
        '--data-dir',
        dirs[country],
        '--profile',
        profile,
        '--json',
        ...ALL_URLS,
      ]);
      expect(stderr).toBe('');
      expect(code).toBe(0);
      for (const v of JSON.parse(stdout) as Verdict[]) verdicts.set(`${country} ${profile} ${v.url}`, v);
    }
  }
}, 300_000);

function check(country: Country, profile: string, urls: string[]): Verdict[] {
  return urls.map((url) => verdicts.get(`${country} ${profile} ${url}`)!);
}

describe.each(['england', 'wales'] as const)('check-url --school demo, %s demo school', (country) => {
  for (const resource of RESOURCES) {
    it(`${resource.name} signs in and loads on ${resource.profiles.join(', ')}`, async () => {
      for (const profile of resource.profiles) {
        for (const v of check(country, profile, resource.urls))
          expect(v, `${profile} ${v.url}`).toMatchObject({ verdict: 'allowed' });
      }
    });
  }

  it('the school’s sign-in domains are allowed on every profile (the starter --profile alone does not know them)', async () => {
    const signIn =
      country === 'wales' ? HWB_SIGN_IN : ['https://login.microsoftonline.com/common/oauth2/v2.0/authorize'];
    for (const profile of PROFILES) {
      for (const v of check(country, profile, signIn))
        expect(v, `${profile} ${v.url}`).toMatchObject({
          verdict: 'allowed',
          rule: expect.stringMatching(/^always allowed: /),
        });
    }
    const starter = await run(['check-url', '--json', '--profile', 'EYFS', signIn[0]!]);
    expect(JSON.parse(starter.stdout)[0]).toMatchObject({ verdict: 'blocked' });
  });

  it(
    country === 'wales'
      ? 'Hwb and its Microsoft 365 apps are on every profile'
      : 'Hwb is not on an English school’s lists',
    async () => {
      for (const profile of ['EYFS', 'KS1', 'KS2']) {
        for (const v of check(country, profile, HWB_PAGES))
          expect(v, `${profile} ${v.url}`).toMatchObject({
            verdict: country === 'wales' ? 'allowed' : 'blocked',
          });
      }
    },
  );

  it('a help site is never blocked, Meic included', async () => {
    for (const v of check(country, 'EYFS', ['https://www.meic.cymru/', 'https://www.childline.org.uk/']))
      expect(v).toMatchObject({ verdict: 'allowed', rule: expect.stringMatching(/^help site: /) });
  });
});

describe('check-url --school: mistakes', () => {
  it('an unknown school is said plainly (exit 1)', async () => {
    const { code, stderr } = await run([
      'check-url',
      '--school',
      'nowhere',
      '--data-dir',
      dirs.england,
      'https://a.test/',
    ]);
    expect(code).toBe(1);
    expect(stderr).toContain('there is no school "nowhere"');
  });

  it('--school does not take a policy file, and --data-dir needs --school (exit 2)', async () => {
    expect((await run(['check-url', '--school', 'demo', '--policy', 'x.json', 'https://a.test/'])).code).toBe(
      2,
    );
    expect((await run(['check-url', '--data-dir', dirs.england, 'https://a.test/'])).code).toBe(2);
  });
});
