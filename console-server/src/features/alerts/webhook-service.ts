import { and, desc, eq, lte } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { Alert, WebhookDelivery, WebhookSettings, WebhookSettingsBody } from '@waymark/shared';
import type { Database } from '../../db/open-database';
import { schools, webhookDeliveries } from '../../db/schema';
import { DomainError } from '../../errors/domain-error';
import { topicLabel } from './alert-mail';
import type { AlertChange } from './alert-service';
import { checkWebhookAddress } from './webhook-address';
import { newWebhookSecret, webhookSignature } from './webhook-signature';

/** Attempts before a delivery is given up (about 2 hours with the default backoff). */
const MAX_ATTEMPTS = 8;
/** How long one attempt may hold a delivery (the request's own timeout, and some). */
const IN_FLIGHT_MS = 30_000;
const REQUEST_TIMEOUT_MS = 10_000;

type Row = typeof webhookDeliveries.$inferSelect;
const toDelivery = (r: Row): WebhookDelivery => ({
  id: r.id,
  alertId: r.alertId,
  what: r.what as WebhookDelivery['what'],
  url: r.url,
  attempts: r.attempts,
  status: r.status,
  lastStatusCode: r.lastStatusCode,
  lastError: r.lastError,
  nextAt: r.status === 'pending' ? (r.nextAt?.toISOString() ?? null) : null,
  deliveredAt: r.deliveredAt?.toISOString() ?? null,
  createdAt: r.createdAt.toISOString(),
});

/**
 * A school's own receiver for alerts (to route them to SMS, Teams or its safeguarding system):
 * every alert raised, escalated or acknowledged is POSTed as JSON, signed with the school's secret,
 * and retried with exponential backoff until the receiver answers 2xx. Each delivery and its
 * attempts are recorded. Deliveries are claimed by a conditional update, so with several processes
 * each attempt is made by one.
 */
export function createWebhookService(deps: {
  db: Database;
  consoleUrl: string;
  /** Plain HTTP to a loopback receiver (tests); never another machine. */
  allowLoopbackHttp?: boolean;
  /** The first retry's wait; each further one doubles it (30 s; tests shorten it). */
  retryBaseMs?: number;
  fetch?: typeof fetch;
}) {
  const { db } = deps;
  const retryBaseMs = deps.retryBaseMs ?? 30_000;
  const send = deps.fetch ?? fetch;

  function payload(alert: Alert, change: AlertChange, deliveryId: string) {
    return JSON.stringify({
      id: deliveryId,
      type: `alert.${change}`,
      alert: {
        id: alert.id,
        about: topicLabel(alert.topic),
        topic: alert.topic,
        severity: alert.severity,
        pupil: alert.pupilLabel,
        className: alert.className,
        events: alert.count,
        raisedAt: alert.createdAt,
        with: alert.escalatedTo,
        escalations: alert.escalations,
        acknowledgedAt: alert.acknowledgedAt,
        acknowledgedBy: alert.acknowledgedByName,
        // No addresses or search words: those stay in the console, behind sign-in.
        link: `${deps.consoleUrl.replace(/\/$/, '')}/alerts/${alert.id}`,
      },
    });
  }

  /** One attempt at a delivery this process has claimed. */
  async function attempt(row: Row, now: Date): Promise<WebhookDelivery> {
    const [school] = await db
      .select({ secret: schools.webhookSecret })
      .from(schools)
      .where(eq(schools.id, row.schoolId));
    const attempts = row.attempts + 1;
    let statusCode: number | null = null;
    let error: string | null = null;
    try {
      if (!school?.secret) throw new Error('the school has no webhook secret');
      const timestamp = Math.floor(now.getTime() / 1000);
      const res = await send(row.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Waymark-Webhook/1',
          'x-waymark-delivery': row.id,
          'x-waymark-timestamp': String(timestamp),
          'x-waymark-signature': `sha256=${webhookSignature(school.secret, timestamp, row.body)}`,
        },
        body: row.body,
        redirect: 'manual',
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      statusCode = res.status;
      await res.body?.cancel().catch(() => undefined);
      if (!res.ok) error = `the receiver answered ${res.status}`;
    } catch (e) {
      error = e instanceof Error ? e.message.slice(0, 500) : 'the request failed';
    }
    const done = error === null;
    const [updated] = await db
      .update(webhookDeliveries)
      .set({
        attempts,
        lastStatusCode: statusCode,
        lastError: error,
        status: done ? 'delivered' : attempts >= MAX_ATTEMPTS ? 'failed' : 'pending',
        deliveredAt: done ? new Date() : null,
        nextAt:
          done || attempts >= MAX_ATTEMPTS
            ? null
            : new Date(now.getTime() + retryBaseMs * 2 ** (attempts - 1)),
      })
      .where(eq(webhookDeliveries.id, row.id))
      .returning();
    return toDelivery(updated!);
  }

  /** Claims a pending delivery that is due; null when it is not due or another process has it. */
  async function claim(id: string, now: Date): Promise<Row | null> {
    const [row] = await db
      .update(webhookDeliveries)
      .set({ nextAt: new Date(now.getTime() + IN_FLIGHT_MS) })
      .where(
        and(
          eq(webhookDeliveries.id, id),
          eq(webhookDeliveries.status, 'pending'),
          lte(webhookDeliveries.nextAt, now),
        ),
      )
      .returning();
    return row ?? null;
  }

  async function settings(schoolId: string): Promise<WebhookSettings> {
    const [row] = await db
      .select({ url: schools.webhookUrl, secret: schools.webhookSecret })
      .from(schools)
      .where(eq(schools.id, schoolId));
    if (!row) throw new DomainError('not-found', 'no such school');
    return { url: row.url, hasSecret: row.secret !== null };
  }

  return {
    settings,

    /** Sets (or, with null, clears) the address; a secret is made the first time, or on asking, and shown once. */
    async save(schoolId: string, body: WebhookSettingsBody): Promise<WebhookSettings> {
      const current = await settings(schoolId);
      if (body.url === null || body.url === '') {
        await db
          .update(schools)
          .set({ webhookUrl: null, webhookSecret: null })
          .where(eq(schools.id, schoolId));
        return { url: null, hasSecret: false };
      }
      const url = checkWebhookAddress(body.url, deps.allowLoopbackHttp ?? false);
      const secret = !current.hasSecret || body.newSecret ? newWebhookSecret() : undefined;
      await db
        .update(schools)
        .set({ webhookUrl: url, ...(secret ? { webhookSecret: secret } : {}) })
        .where(eq(schools.id, schoolId));
      return { url, hasSecret: true, ...(secret ? { secret } : {}) };
    },

    /** Records a delivery of this alert's change when the school has a webhook, and makes the first attempt now. */
    async enqueue(alert: Alert, change: AlertChange, now = new Date()): Promise<WebhookDelivery | null> {
      const [school] = await db
        .select({ url: schools.webhookUrl })
        .from(schools)
        .where(eq(schools.id, alert.schoolId));
      if (!school?.url) return null;
      const id = uuidv7();
      await db.insert(webhookDeliveries).values({
        id,
        schoolId: alert.schoolId,
        alertId: alert.id,
        what: change,
        url: school.url,
        body: payload(alert, change, id),
        nextAt: now,
        createdAt: now,
      });
      const row = await claim(id, now);
      return row ? attempt(row, now) : null;
    },

    /** Retries every delivery that is due (the scheduled job). Returns the attempts made. */
    async deliverDue(now = new Date()): Promise<WebhookDelivery[]> {
      const due = await db
        .select({ id: webhookDeliveries.id })
        .from(webhookDeliveries)
        .where(and(eq(webhookDeliveries.status, 'pending'), lte(webhookDeliveries.nextAt, now)))
        .limit(200);
      const made: WebhookDelivery[] = [];
      for (const { id } of due) {
        const row = await claim(id, now);
        if (row) made.push(await attempt(row, now));
      }
      return made;
    },

    async deliveries(schoolId: string, limit = 50): Promise<WebhookDelivery[]> {
      const rows = await db
        .select()
        .from(webhookDeliveries)
        .where(eq(webhookDeliveries.schoolId, schoolId))
        .orderBy(desc(webhookDeliveries.createdAt))
        .limit(limit);
      return rows.map(toDelivery);
    },
  };
}
export type WebhookService = ReturnType<typeof createWebhookService>;
