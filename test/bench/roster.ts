/**
 * npm run bench:roster: issue 17's scale target on this machine, beside baselines measured in the
 * same run. A generated OneRoster 1.1 bundle of a secondary school (2,000 pupils, 150 staff, 400
 * groups, 12,000 pupil enrollments) is previewed and applied through the API (target ≤ 5 s and
 * ≤ 15 s), then previewed and applied again (idempotent); the baseline is the MIS class CSV
 * import of the same number of pupils. Then 2,000 real Socket.IO devices, one per pupil, sit in
 * period 1's lessons; the server's clock crosses the boundary into period 2, where every pupil is
 * in another set, and the time until every device holds its new lesson's policy is measured
 * (target ≤ 5 s); the baseline is the existing push of an edited policy to the same devices.
 */
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { io as connect, type Socket } from 'socket.io-client';
import { PROTOCOL_VERSION, type PolicyMessage } from '@waymark/shared';
import { DEMO_ENROLLMENT_TOKENS } from '@waymark/console-server';
import { apiCall, login, startTestServer } from '@waymark/console-server/testing';
import { makeBundle, pupilEmail, SECONDARY } from '../../console-server/test/oneroster-fixture';

// `--scale 0.1`: a tenth of the school, to try the script; the figures are for scale 1.
const { values } = parseArgs({ options: { scale: { type: 'string', default: '1' } } });
const scale = Number(values.scale);
const SHAPE = {
  ...SECONDARY,
  pupils: Math.round(SECONDARY.pupils * scale),
  staff: Math.round(SECONDARY.staff * scale),
  groups: Math.round(SECONDARY.groups * scale),
};
const PUPILS = SHAPE.pupils;
const FORMS = Math.max(7, Math.round(PUPILS / 25));
const SETS_PER_BLOCK = Math.floor((SHAPE.groups - FORMS) / (SHAPE.groupsPerPupil - 1));
let now = new Date('2026-11-23T09:10:00Z'); // Monday, period 1
const server = await startTestServer(null, { lessonTimer: false, clock: () => now });
const admin = await login(server.url, 'admin@demo.waymark.test');
const dsl = await login(server.url, 'dsl@demo.waymark.test');
const rows: Array<[string, string, string, string]> = [];
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const value = await fn();
  return [value, performance.now() - start];
}

async function post(path: string, body: unknown) {
  const res = await apiCall(server.url, admin, 'POST', path, body);
  if (res.status !== 200) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body).slice(0, 500)}`);
  return res.body;
}

try {
  // Imports.
  const files = makeBundle(SHAPE);
  const [, preview] = await timed(() => post('/api/roster/oneroster/preview', { files }));
  const [, apply] = await timed(() => post('/api/roster/oneroster/apply', { files }));
  const [again, preview2] = await timed(() => post('/api/roster/oneroster/preview', { files }));
  const [, apply2] = await timed(() => post('/api/roster/oneroster/apply', { files }));
  const unchanged = (again as { counts: { pupilsUnchanged: number } }).counts.pupilsUnchanged;
  const mis = ['class_name,key_stage,pupil_name,pupil_email,teacher_email'];
  for (let i = 0; i < PUPILS; i++)
    mis.push(`Baseline ${i % FORMS},KS3,Baseline Pupil ${i},baseline${i}@pupils.mis.test,`);
  const [, misImport] = await timed(() => post('/api/classes/import', { csv: mis.join('\n') }));
  rows.push(
    ['OneRoster preview, first import', seconds(preview), seconds(misImport), '≤ 5 s'],
    ['OneRoster apply, first import', seconds(apply), seconds(misImport), '≤ 15 s'],
    [`OneRoster preview again (${unchanged} unchanged)`, seconds(preview2), seconds(misImport), '≤ 5 s'],
    ['OneRoster apply again (idempotent)', seconds(apply2), seconds(misImport), '≤ 15 s'],
  );

  // The timetable: period 1 is block 0's sets, period 2 block 1's (every pupil changes set).
  const timetable = ['week,day,period,start,end,group,teacher_email,room'];
  for (let s = 0; s < SETS_PER_BLOCK; s++) timetable.push(`,Mon,P1,09:00,10:00,set-${s},,R${s}`);
  for (let s = SETS_PER_BLOCK; s < 2 * SETS_PER_BLOCK; s++)
    timetable.push(`,Mon,P2,10:00,11:00,set-${s},,R${s}`);
  await post('/api/roster/timetable/apply', { csv: timetable.join('\n') });

  // 2,000 devices, one per pupil, each told its period 1 lesson.
  const devices: Array<{ socket: Socket; classIds: string[]; policies: number }> = [];
  const [, connectMs] = await timed(async () => {
    for (let i = 0; i < PUPILS; i += 50) {
      await Promise.all(
        Array.from({ length: Math.min(50, PUPILS - i) }, async (_, k) => {
          const socket = connect(`${server.url}/device`, {
            transports: ['websocket'],
            reconnection: false,
            forceNew: true,
            auth: {
              protocolVersion: PROTOCOL_VERSION,
              deviceName: `Laptop ${i + k}`,
              extensionVersion: '0.1.0',
              enrollmentToken: DEMO_ENROLLMENT_TOKENS.year2,
              user: pupilEmail(i + k),
            },
          });
          const device = { socket, classIds: [] as string[], policies: 0 };
          devices.push(device);
          await new Promise<void>((resolve, reject) => {
            socket.on('policy', (m: PolicyMessage) => {
              device.classIds = m.classIds;
              device.policies++;
              resolve();
            });
            socket.once('connect_error', reject);
          });
        }),
      );
    }
  });
  const before = devices.map((d) => d.classIds[0]);

  // The period boundary: every device moved, each with its new lesson's policy.
  now = new Date('2026-11-23T10:00:00Z');
  const counts = devices.map((d) => d.policies);
  const [moved, boundary] = await timed(async () => {
    const n = await server.app.services.lessonTick();
    while (devices.some((d, i) => d.policies === counts[i])) await new Promise((r) => setTimeout(r, 5));
    return n;
  });
  const changed = devices.filter((d, i) => d.classIds[0] !== before[i]).length;

  // Baseline: the existing push of an edited policy (KS3, KS4, KS5) to the same devices.
  const counts2 = devices.map((d) => d.policies);
  const [, pushMs] = await timed(async () => {
    await Promise.all(
      ['KS3', 'KS4', 'KS5'].map(async (profile) => {
        const current = (await apiCall(server.url, dsl, 'GET', `/api/policies/${profile}`)).body as {
          body: Record<string, unknown>;
        };
        const { categoryLists: _lists, ...policy } = current.body;
        const res = await apiCall(server.url, dsl, 'PUT', `/api/policies/${profile}`, {
          policy: { ...policy, block: [...((policy.block as string[]) ?? []), `bench-${profile}.example`] },
          reason: 'bench:roster baseline push',
        });
        if (res.status !== 200) throw new Error(`PUT ${profile}: ${res.status} ${JSON.stringify(res.body)}`);
      }),
    );
    while (devices.some((d, i) => d.policies === counts2[i])) await new Promise((r) => setTimeout(r, 5));
  });
  rows.push([
    `period boundary: ${moved} devices moved, ${changed} of ${PUPILS} to another set, every new policy delivered`,
    seconds(boundary),
    seconds(pushMs),
    '≤ 5 s',
  ]);
  console.log(`(${PUPILS} devices connected in ${seconds(connectMs)})`);
  for (const d of devices) d.socket.disconnect();

  console.log('\n| measure | Waymark | baseline (same run) | target |\n|---|---|---|---|');
  for (const [what, value, base, target] of rows) console.log(`| ${what} | ${value} | ${base} | ${target} |`);
  console.log(
    `\nScale ${scale}: ${PUPILS} pupils, ${SHAPE.staff} staff, ${SHAPE.groups} groups. Baselines: imports beside the MIS class CSV import of ${PUPILS} pupils (${FORMS} classes); the period boundary beside an edited policy (KS3, KS4, KS5) pushed to the same ${PUPILS} devices.`,
  );
} finally {
  await server.close();
}
