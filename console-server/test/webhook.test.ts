import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import type { Alert, DeviceEventInput, WebhookDelivery } from '@waymark/shared';
import { DEMO_ENROLLMENT_TOKENS } from '../src';
import {
  apiCall,
  blockedEvent,
  connectDevice,
  login,
  startTestServer,
  startWebhookReceiver,
  type ReceivedHook,
  type TestServer,
} from './harness';

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

/** The receiver's own check, written from the README's description, not with the product's code. */
function validSignature(hook: ReceivedHook, secret: string): boolean {
  const timestamp = String(hook.headers['x-waymark-timestamp']);
  const expected = createHmac('sha256', secret).update(`${timestamp}.${hook.body}`).digest('hex');
  return hook.headers['x-waymark-signature'] === `sha256=${expected}`;
}

describe('a school’s webhook', () => {
  let server: TestServer;
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
  let dsl: string;
  let secret: string;
  const call = (method: string, path: string, body?: unknown) => apiCall(server.url, dsl, method, path, body);

  beforeAll(async () => {
    // The first two attempts are refused: the third gets through.
    receiver = await startWebhookReceiver([500, 503]);
    server = await startTestServer(null, {
      publicUrl: 'https://waymark.school.example',
      webhookAllowLoopbackHttp: true,
      webhookRetryBaseMs: 1000,
    });
    dsl = await login(server.url, 'dsl@demo.waymark.test');
  });
  afterAll(async () => {
    await server.close();
    await receiver.close();
  });

  it('is HTTPS only; plain HTTP only to a loopback receiver the deployment allows', async () => {
    expect((await call('PUT', '/api/alerts/webhook', { url: 'http://sms.school.example/hook' })).status).toBe(
      400,
    );
    expect((await call('PUT', '/api/alerts/webhook', { url: 'not a url' })).status).toBe(400);
    const strict = await startTestServer();
    try {
      const cookie = await login(strict.url, 'dsl@demo.waymark.test');
      const refused = await apiCall(strict.url, cookie, 'PUT', '/api/alerts/webhook', { url: receiver.url });
      expect(refused.status).toBe(400);
      expect(refused.body.error).toContain('https://');
      const https = await apiCall(strict.url, cookie, 'PUT', '/api/alerts/webhook', {
        url: 'https://alerts.school.example/waymark',
      });
      expect(https.body.webhook).toMatchObject({
        url: 'https://alerts.school.example/waymark',
        hasSecret: true,
      });
    } finally {
      await strict.close();
    }
    const teacher = await login(server.url, 'teacher@demo.waymark.test');
    expect((await apiCall(server.url, teacher, 'GET', '/api/alerts/webhook')).status).toBe(403);

    const saved = await call('PUT', '/api/alerts/webhook', { url: receiver.url });
    expect(saved.status).toBe(200);
    secret = saved.body.webhook.secret;
    expect(secret).toMatch(/^whsec_/);
    // The secret is shown once.
    expect((await call('GET', '/api/alerts/webhook')).body.webhook).toEqual({
      url: receiver.url,
      hasSecret: true,
    });
  });

  it('an alert is POSTed as signed JSON, retried with backoff until the receiver takes it, and each attempt is recorded', async () => {
    const device = await connectDevice(server.url, {
      enrollmentToken: DEMO_ENROLLMENT_TOKENS.year5,
      user: 'lily.hill@pupils.demo.waymark.test',
    });
    await device.emitWithAck('event', search('how to kill myself'));
    device.disconnect();
    // The first attempt is made at once, and refused.
    await expect.poll(() => receiver.received.length).toBe(1);
    const deliveries = async () =>
      (await call('GET', '/api/alerts/webhook/deliveries')).body.deliveries as WebhookDelivery[];
    await expect.poll(async () => (await deliveries())[0]?.attempts).toBe(1);
    const [first] = await deliveries();
    expect(first).toMatchObject({
      what: 'raised',
      status: 'pending',
      lastStatusCode: 500,
      url: receiver.url,
    });
    const firstRetry = Date.parse(first!.nextAt!);
    expect(firstRetry - Date.parse(first!.createdAt)).toBeGreaterThanOrEqual(1000);

    // Not due yet: nothing is sent.
    const { deliverWebhooks } = server.app.services;
    expect(await deliverWebhooks(new Date(firstRetry - 100))).toEqual([]);
    const second = await deliverWebhooks(new Date(firstRetry));
    expect(second.map((d) => [d.attempts, d.status, d.lastStatusCode])).toEqual([[2, 'pending', 503]]);
    // The wait doubles.
    expect(Date.parse(second[0]!.nextAt!) - firstRetry).toBe(2000);
    const third = await deliverWebhooks(new Date(Date.parse(second[0]!.nextAt!)));
    expect(third.map((d) => [d.attempts, d.status, d.lastStatusCode])).toEqual([[3, 'delivered', 200]]);
    expect(await deliverWebhooks(new Date(Date.now() + 3_600_000))).toEqual([]);

    expect(receiver.received).toHaveLength(3);
    for (const hook of receiver.received) {
      expect(hook.headers['content-type']).toBe('application/json');
      expect(validSignature(hook, secret)).toBe(true);
      expect(validSignature(hook, 'whsec_someone-else')).toBe(false);
      expect(hook.headers['x-waymark-delivery']).toBe(first!.id);
    }
    // Each attempt is signed afresh, with its own time; the body is the same.
    expect(new Set(receiver.received.map((h) => h.body)).size).toBe(1);
    const body = JSON.parse(receiver.received[0]!.body) as { type: string; alert: Record<string, unknown> };
    expect(body.type).toBe('alert.raised');
    expect(body.alert).toMatchObject({
      about: 'Self-harm, suicide and eating disorders',
      severity: 'high',
      pupil: 'Lily Hill',
      className: 'Year 5 (Kestrels)',
      with: 'dsl',
    });
    expect(String(body.alert.link)).toMatch(/^https:\/\/waymark\.school\.example\/alerts\//);
    // No search words or addresses leave the school.
    expect(receiver.received[0]!.body).not.toContain('kill myself');
    expect(receiver.received[0]!.body).not.toContain('google');
  });

  it('acknowledging and escalating are sent too; a tampered body fails the check', async () => {
    const [alert] = (await call('GET', '/api/alerts')).body.alerts as Alert[];
    const escalatedAt = receiver.received.length;
    await server.app.services.escalateAlerts(new Date(Date.parse(alert!.escalateAt!) + 1000));
    await expect.poll(() => receiver.received.length).toBe(escalatedAt + 1);
    expect(JSON.parse(receiver.received[escalatedAt]!.body)).toMatchObject({
      type: 'alert.escalated',
      alert: { with: 'deputy-dsl' },
    });
    expect(validSignature(receiver.received[escalatedAt]!, secret)).toBe(true);

    const before = receiver.received.length;
    await call('POST', `/api/alerts/${alert!.id}/acknowledge`);
    await expect.poll(() => receiver.received.length).toBe(before + 1);
    const hook = receiver.received[before]!;
    expect(JSON.parse(hook.body)).toMatchObject({
      type: 'alert.acknowledged',
      alert: { acknowledgedBy: 'Mrs Helen Jones' },
    });
    expect(validSignature(hook, secret)).toBe(true);
    expect(validSignature({ ...hook, body: hook.body.replace('Helen', 'Helena') }, secret)).toBe(false);

    // Turned off: nothing more is sent.
    expect((await call('PUT', '/api/alerts/webhook', { url: null })).body.webhook).toEqual({
      url: null,
      hasSecret: false,
    });
    const device = await connectDevice(server.url, {
      enrollmentToken: DEMO_ENROLLMENT_TOKENS.year5,
      user: 'arlo.scott@pupils.demo.waymark.test',
    });
    await device.emitWithAck('event', search('i want to die'));
    device.disconnect();
    await expect
      .poll(async () =>
        ((await call('GET', '/api/alerts')).body.alerts as Alert[]).some(
          (a) => a.pupilLabel === 'Arlo Scott',
        ),
      )
      .toBe(true);
    await new Promise((r) => setTimeout(r, 300));
    expect(receiver.received).toHaveLength(before + 1);
  });
});
