import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { main } from '../src/cli/main';
import { login, startTestServer } from './harness';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'waymark-trust-cli-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

function run(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const io = {
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t) },
  };
  return main([...args, '--data-dir', dataDir], io).then((code) => ({ code, stdout, stderr }));
}

// Each command opens the PGlite data folder afresh (five opens and a server here): on a busy
// two-core machine that alone can pass vitest's default 30 s, so this test has its own bound.
it(
  'sets up a trust: a trust, a school in it with its admin, a trust-level account; each can sign in',
  { timeout: 120_000 },
  async () => {
    expect(await run('trust', 'create', 'north', '--name', 'North Learning Trust')).toMatchObject({
      code: 0,
    });
    const school = await run(
      'school',
      'create',
      'north-primary',
      '--name',
      'North Primary',
      '--trust',
      'north',
      '--admin-email',
      'Admin@North-Primary.test',
      '--admin-name',
      'Ann Admin',
    );
    expect(school.code).toBe(0);
    const adminPassword = /Password: (\S+)/.exec(school.stdout)![1]!;
    const lead = await run(
      'trust',
      'add-staff',
      'north',
      '--school',
      'north-primary',
      '--email',
      'lead@north.test',
      '--name',
      'Lee Lead',
      '--role',
      'trust-dsl',
      '--password',
      'a-long-enough-password',
    );
    expect(lead).toMatchObject({ code: 0, stdout: 'Created lead@north.test (trust-dsl).\n' });
    expect((await run('trust', 'list')).stdout).toBe(
      'north  North Learning Trust\n  north-primary  North Primary\n',
    );

    const server = await startTestServer(dataDir);
    try {
      await login(server.url, 'admin@north-primary.test', adminPassword);
      const cookie = await login(server.url, 'lead@north.test', 'a-long-enough-password');
      const res = await fetch(`${server.url}/api/trust`, { headers: { cookie } });
      expect(await res.json()).toEqual({
        trust: { id: 'north', name: 'North Learning Trust' },
        schools: [{ id: 'north-primary', name: 'North Primary' }],
      });
    } finally {
      await server.close();
    }
  },
);

it('says what is wrong: an unknown trust, a school-level role, a taken id', async () => {
  const unknown = await run(
    'school',
    'create',
    'x-school',
    '--name',
    'X',
    '--trust',
    'nowhere',
    '--admin-email',
    'a@x.test',
    '--admin-name',
    'A',
  );
  expect(unknown).toMatchObject({ code: 1, stderr: expect.stringMatching(/there is no trust "nowhere"/) });
  const role = await run(
    'trust',
    'add-staff',
    'north',
    '--school',
    'north-primary',
    '--email',
    'b@x.test',
    '--name',
    'B',
    '--role',
    'dsl',
  );
  expect(role).toMatchObject({
    code: 2,
    stderr: expect.stringMatching(/--role must be trust-dsl or trust-reporter/),
  });
  const taken = await run('trust', 'create', 'north', '--name', 'Again');
  expect(taken).toMatchObject({ code: 1, stderr: expect.stringMatching(/already a trust "north"/) });
});
