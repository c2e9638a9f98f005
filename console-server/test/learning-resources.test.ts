import { describe, expect, it } from 'vitest';
import type { Profile } from '@waymark/shared';
import { main } from '../src/cli/main';
import { LEARNING_RESOURCES } from '../src/seed/learning-resources';

async function checkUrls(args: string[]): Promise<Array<{ url: string; verdict: string; rule: string }>> {
  let stdout = '';
  let stderr = '';
  const io = {
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t) },
  };
  const code = await main(['check-url', '--json', ...args], io);
  expect(stderr).toBe('');
  expect(code).toBe(0);
  return JSON.parse(stdout) as Array<{ url: string; verdict: string; rule: string }>;
}

/**
 * The pages a pupil opens to sign in and work in each resource the Kirklees seed policy names
 * (main frames, and what those pages open in frames).
 */
const PAGES: Record<string, string[]> = {
  'Purple Mash': [
    'https://www.purplemash.com/sch/melthammoor',
    'https://www.purplemash.com/#app/minimash',
    'https://www.2simple.com/',
  ],
  Sumdog: ['https://www.sumdog.com/user/sign_in', 'https://pupils.sumdog.com/'],
  'Times Tables Rock Stars': ['https://play.ttrockstars.com/auth/school/student', 'https://ttrockstars.com/'],
  'Google Classroom': [
    'https://classroom.google.com/u/0/h',
    'https://accounts.google.com/ServiceLogin?continue=https%3A%2F%2Fclassroom.google.com%2F',
    'https://accounts.google.co.uk/accounts/SetSID',
    'https://docs.google.com/document/d/1abc/edit',
    'https://drive.google.com/file/d/1abc/view',
  ],
  ClassDojo: ['https://student.classdojo.com/', 'https://home.classdojo.com/#/login'],
  'White Rose Education (maths)': [
    'https://whiteroseeducation.com/resources/maths',
    'https://whiterosemaths.com/homelearning/year-2/',
    'https://player.vimeo.com/video/123456789',
  ],
  'Oak National Academy': [
    'https://www.thenational.academy/pupils/programmes/maths-primary-year-2',
    'https://classroom.thenational.academy/lessons/counting-in-2s',
    'https://docs.google.com/forms/d/e/1FAIpQLSabc/viewform',
  ],
};

describe('the starter allow-lists carry the resources the seed schools use', () => {
  it('every resource in the data has pages to check here', () => {
    expect(Object.keys(PAGES).sort()).toEqual(LEARNING_RESOURCES.map((r) => r.name).sort());
  });

  for (const resource of LEARNING_RESOURCES) {
    for (const stage of ['EYFS', 'KS1', 'KS2'] as Profile[]) {
      const given = resource.stages.includes(stage);
      it(`${resource.name}: ${given ? 'allowed' : 'not given'} on ${stage} (check-url --profile ${stage})`, async () => {
        const verdicts = await checkUrls(['--profile', stage, ...PAGES[resource.name]!]);
        for (const v of verdicts) {
          if (given)
            expect(v, v.url).toMatchObject({
              verdict: 'allowed',
              rule: expect.stringContaining(`${stage} allow-list`),
            });
        }
        // Google sign-in is shared with other resources; the resource's own home page decides.
        if (!given) expect(verdicts[0]!.verdict).toBe('blocked');
      });
    }
  }

  it('only the player, not the rest of Vimeo, is on the lists for White Rose', async () => {
    const [v] = await checkUrls(['--profile', 'KS1', 'https://vimeo.com/watch']);
    expect(v!.verdict).toBe('blocked');
  });

  it('every resource says why its hosts and stages', () => {
    for (const r of LEARNING_RESOURCES) expect(r.basis.length, r.name).toBeGreaterThan(60);
  });
});
