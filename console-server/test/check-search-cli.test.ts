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

function tempFile(content: string): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'waymark-cli-')), 'phrases.txt');
  fs.writeFileSync(file, content);
  return file;
}

describe('waymark check-search', () => {
  it('says flagged or not flagged, with the category, the risk and the phrase that matched', async () => {
    const { code, stdout } = await run(['check-search', 'how to hurt my self', 'volcano facts for kids']);
    expect(code).toBe(0);
    expect(stdout).toBe(
      'flagged      "how to hurt my self"  (high risk; self-harm)\n' +
        '               self-harm, high: "hurt my self" matched "hurt my self"\n' +
        'not flagged  "volcano facts for kids"\n',
    );
  });

  it('--json prints one array of { text, flagged, categories, severity, matched } in the order given', async () => {
    const { code, stdout } = await run([
      'check-search',
      '--json',
      '--',
      'sewer slide methods',
      'to kill a mockingbird',
      'he asked me to send nudes',
    ]);
    expect(code).toBe(0);
    const verdicts = JSON.parse(stdout);
    expect(verdicts.map((v: { text: string }) => v.text)).toEqual([
      'sewer slide methods',
      'to kill a mockingbird',
      'he asked me to send nudes',
    ]);
    expect(verdicts[0]).toMatchObject({ flagged: true, categories: ['self-harm'], severity: 'high' });
    expect(verdicts[0].matched[0]).toMatchObject({
      category: 'self-harm',
      risk: 'high',
      text: 'sewer slide methods',
    });
    expect(verdicts[1]).toEqual({
      text: 'to kill a mockingbird',
      flagged: false,
      categories: [],
      severity: null,
      matched: [],
    });
    expect(verdicts[2]).toMatchObject({ flagged: true, categories: ['grooming'], severity: 'high' });
  });

  it('--profile staff leaves out getting round the filter; the profile is checked', async () => {
    expect(
      (await run(['check-search', '--json', '--profile', 'KS3', 'free vpn for school'])).stdout,
    ).toContain('"flagged":true');
    expect(
      (await run(['check-search', '--json', '--profile', 'staff', 'free vpn for school'])).stdout,
    ).toContain('"flagged":false');
    const bad = await run(['check-search', '--profile', 'Y9', 'x']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--profile must be one of EYFS, KS1, KS2, KS3, KS4, KS5, staff');
  });

  it('--keywords adds the school’s own phrases, risks and benign context', async () => {
    const file = tempFile('# our list\n[violence]\norchard crew, high\n[benign]\nkill the lights\n');
    const { code, stdout } = await run([
      'check-search',
      '--json',
      '--keywords',
      file,
      'orchard crew at the park',
      'kill the lights',
    ]);
    expect(code).toBe(0);
    const [gang, lights] = JSON.parse(stdout);
    expect(gang).toMatchObject({ flagged: true, categories: ['violence'], severity: 'high' });
    expect(lights.flagged).toBe(false);
  });

  it('exit codes as check-url: 1 for an unreadable or invalid file, 2 for bad arguments', async () => {
    expect((await run(['check-search'])).code).toBe(2);
    expect((await run(['check-search', '--nope', 'x'])).code).toBe(2);
    expect((await run(['check-search', '--profile', 'KS2', '--keywords', 'f', 'x'])).code).toBe(2);
    const missing = await run(['check-search', '--keywords', '/nonexistent/phrases.txt', 'x']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('cannot read /nonexistent/phrases.txt');
    const invalid = await run([
      'check-search',
      '--keywords',
      tempFile('[weapons]\nbig knife\n[violence]\ngang, urgent\n'),
      'x',
    ]);
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toContain('line 1: "weapons" is not a category');
    expect(invalid.stderr).toContain('line 4: "urgent" is not a risk (high, medium or low)');
  });

  it('runs as `npx waymark check-search` from the package bin', async () => {
    const bin = fileURLToPath(new URL('../bin/waymark.js', import.meta.url));
    const { stdout } = await promisify(execFile)(process.execPath, [bin, 'check-search', '--json', 'kms'], {
      timeout: 60_000,
    });
    expect(JSON.parse(stdout)[0]).toMatchObject({ flagged: true, severity: 'high' });
  }, 90_000);
});
