import type { DeviceEvent } from '@waymark/shared';

export interface DeviceRateLimitOptions {
  /** Events a device may send at once: a day offline is a few hundred, sent again on reconnecting. */
  burst: number;
  /** Events a second a device may go on sending after a burst. */
  perSecond: number;
  now?: () => number;
}

/** A pupil browsing sends a handful a minute; a script flooding sends thousands a second. */
export const DEVICE_EVENT_RATE: DeviceRateLimitOptions = { burst: 500, perSecond: 5 };

interface Bucket {
  tokens: number;
  at: number;
  /** Events folded since the device's last stored one. */
  folded: number;
  lastFolded: DeviceEvent | null;
}

/**
 * Per-device token bucket, in this process. Events past the rate are folded: counted, not stored
 * or shown one by one, as the extension folds repeats of a blocked page. The count rides on the
 * device's next stored event, or on the last folded one when the device goes.
 */
export function createDeviceRateLimit({ burst, perSecond, now = Date.now }: DeviceRateLimitOptions) {
  const buckets = new Map<string, Bucket>();

  function bucketOf(deviceId: string): Bucket {
    const t = now();
    let bucket = buckets.get(deviceId);
    if (!bucket) {
      bucket = { tokens: burst, at: t, folded: 0, lastFolded: null };
      buckets.set(deviceId, bucket);
    }
    bucket.tokens = Math.min(burst, bucket.tokens + ((t - bucket.at) / 1000) * perSecond);
    bucket.at = t;
    return bucket;
  }

  return {
    /**
     * Whether to store this event. If so, how many were folded before it (their count goes with it);
     * if not, it is counted (a heartbeat past the rate is dropped, uncounted: it only says "alive").
     */
    admit(deviceId: string, event: DeviceEvent): { store: true; foldedBefore: number } | { store: false } {
      const bucket = bucketOf(deviceId);
      if (bucket.tokens < 1) {
        if (event.kind !== 'heartbeat') {
          bucket.folded += 1;
          bucket.lastFolded = event;
        }
        return { store: false };
      }
      bucket.tokens -= 1;
      if (event.kind === 'heartbeat') return { store: true, foldedBefore: 0 };
      const foldedBefore = bucket.folded;
      bucket.folded = 0;
      bucket.lastFolded = null;
      return { store: true, foldedBefore };
    },

    /** Forgets a device that went; returns its last folded event and how many others were folded with it. */
    end(deviceId: string): { event: DeviceEvent; others: number } | null {
      const bucket = buckets.get(deviceId);
      buckets.delete(deviceId);
      if (!bucket?.lastFolded) return null;
      return { event: bucket.lastFolded, others: bucket.folded - 1 };
    },
  };
}
