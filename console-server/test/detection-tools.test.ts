import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import type { AlertDetail, DeviceEventInput, PhraseCount } from '@waymark/shared';
import { DEMO_ENROLLMENT_TOKENS } from '../src';
import { apiCall, blockedEvent, connectDevice, login, startTestServer, type TestServer } from './harness';

const search = (query: string) =>
  ({
    ...blockedEvent(),
    id: uuidv7(),
    kind: 'search',
    url: `https://www.google.co.uk/search?q=${encodeURIComponent(query)}`,
    engine: 'Google',
    query,
    flags: [],
    blocked: false,
  }) as DeviceEventInput;

describe('tools for the DSL', () => {
  let server: TestServer;
  const cookies: Record<string, string> = {};
  const call = (who: string, method: string, path: string, body?: unknown) =>
    apiCall(server.url, cookies[who]!, method, path, body);

  beforeAll(async () => {
    server = await startTestServer();
    for (const who of ['dsl', 'tech', 'teacher'])
      cookies[who] = await login(server.url, `${who}@demo.waymark.test`);
  });
  afterAll(() => server.close());

  it('"test a search" answers as check-search does, with the school’s own phrases', async () => {
    const flagged = await call('tech', 'POST', '/api/policies/test-search', { text: 'how to hurt myslef' });
    expect(flagged.status).toBe(200);
    expect(flagged.body.detection).toMatchObject({
      flagged: true,
      severity: 'high',
      categories: ['self-harm'],
      matches: [{ phrase: 'hurt myself', text: 'hurt myslef' }],
    });
    const plain = await call('tech', 'POST', '/api/policies/test-search', {
      text: 'to kill a mockingbird essay',
    });
    expect(plain.body.detection).toMatchObject({ flagged: false, severity: null });
    // Circumvention is flagged for pupils only: staff search for VPNs for their work.
    const vpn = (profile: string) =>
      call('tech', 'POST', '/api/policies/test-search', { text: 'free vpn for school', profile });
    expect((await vpn('KS3')).body.detection.flagged).toBe(true);
    expect((await vpn('staff')).body.detection.flagged).toBe(false);
    // A phrase the school imported counts at once.
    await call('dsl', 'POST', '/api/policies/keyword-lists/import', {
      category: 'violence',
      content: 'the orchard crew, high',
      reason: 'A local group pupils have reported',
    });
    expect(
      (await call('tech', 'POST', '/api/policies/test-search', { text: 'joining the orchard crew' })).body
        .detection,
    ).toMatchObject({
      flagged: true,
      severity: 'high',
      categories: ['violence'],
    });
    expect((await call('teacher', 'POST', '/api/policies/test-search', { text: 'x' })).status).toBe(403);
    expect((await call('tech', 'POST', '/api/policies/test-search', { text: '' })).status).toBe(400);
  });

  it('the DSL marks a flagged event as a false positive: recorded once, and each phrase’s hits and false positives are counted', async () => {
    const device = await connectDevice(server.url, {
      enrollmentToken: DEMO_ENROLLMENT_TOKENS.year5,
      user: 'george.hall@pupils.demo.waymark.test',
    });
    const real = search('how to kill myself');
    // A figure of speech, flagged all the same (a game question like "... in minecraft" is now cleared).
    const history = search('how to kill myself laughing at this meme');
    const plain = search('volcano facts');
    for (const e of [real, history, plain])
      expect(await device.emitWithAck('event', e)).toMatchObject({ ok: true });
    device.disconnect();
    const counts = async () =>
      (await call('dsl', 'GET', '/api/policies/phrase-counts')).body.phrases as PhraseCount[];
    await expect.poll(async () => (await counts()).find((p) => p.category === 'self-harm')?.hits).toBe(2);

    expect(
      (await call('teacher', 'POST', '/api/policies/false-positives', { eventId: history.id })).status,
    ).toBe(403);
    expect((await call('dsl', 'POST', '/api/policies/false-positives', { eventId: plain.id })).status).toBe(
      400,
    );
    expect((await call('dsl', 'POST', '/api/policies/false-positives', { eventId: uuidv7() })).status).toBe(
      404,
    );
    const marked = await call('dsl', 'POST', '/api/policies/false-positives', { eventId: history.id });
    expect(marked.status).toBe(200);
    expect(marked.body.falsePositive).toMatchObject({ markedByName: 'Mrs Helen Jones', recorded: true });
    // Marked again: nothing more is counted.
    expect(
      (await call('dsl', 'POST', '/api/policies/false-positives', { eventId: history.id })).body.falsePositive
        .recorded,
    ).toBe(false);
    const selfHarm = (await counts()).find((p) => p.category === 'self-harm')!;
    expect(selfHarm).toMatchObject({ hits: 2, falsePositives: 1 });

    // The alert shows which of its events were marked.
    const alerts = (await call('dsl', 'GET', '/api/alerts')).body.alerts as Array<{
      id: string;
      pupilLabel: string;
    }>;
    const alert = alerts.find((a) => a.pupilLabel === 'George Hall')!;
    const detail = (await call('dsl', 'GET', `/api/alerts/${alert.id}`)).body as AlertDetail;
    expect(detail.falsePositives).toEqual([history.id]);
  });
});
