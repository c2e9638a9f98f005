import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** A new signing secret for a school's webhook: 32 random bytes, base64url. */
export const newWebhookSecret = () => `whsec_${randomBytes(32).toString('base64url')}`;

/**
 * The signature a receiver checks: HMAC-SHA256, keyed with the school's secret, of the timestamp
 * (seconds), a dot and the exact body, in hex. Sent as `X-Waymark-Signature: sha256=<hex>` beside
 * `X-Waymark-Timestamp`; a receiver refuses old timestamps, so a captured request cannot be replayed.
 */
export function webhookSignature(secret: string, timestamp: number, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}

/** What a receiver does: true when the signature header is right for this body and timestamp. */
export function verifyWebhookSignature(
  secret: string,
  timestamp: number,
  body: string,
  header: string,
): boolean {
  const expected = Buffer.from(`sha256=${webhookSignature(secret, timestamp, body)}`);
  const given = Buffer.from(header);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
