import { v7 as uuidv7 } from 'uuid';
import { DeviceEventSchema } from '@waymark/shared';
import { createApplication, type Database } from '@waymark/console-server';

/**
 * Waymark's ingest path alone, in this process: each event validated with the protocol's schema,
 * given its DfE fields, stored by the group commit and resolved after the commit, with `inFlight`
 * events waiting at once, for `seconds`. No sockets: the storage side of the pipeline, to set
 * beside the raw inserts (its ceiling) and the whole pipeline (sockets and fan-out too).
 */
export async function ingestRate(db: Database, { inFlight, seconds }: { inFlight: number; seconds: number }) {
  const app = createApplication({ db });
  try {
    const { eventService, deviceService } = app.services;
    const [first] = await deviceService.list('demo');
    const device = await deviceService.identityOf(first!.id);
    let stored = 0;
    let n = 0;
    const started = performance.now();
    const until = started + seconds * 1000;
    const next = async (): Promise<void> => {
      while (performance.now() < until) {
        const event = DeviceEventSchema.parse({
          id: uuidv7(),
          kind: 'blocked',
          occurredAt: new Date().toISOString(),
          profile: 'KS2',
          policyVersion: 1,
          url: `https://site${n++ % 5000}.example/page`,
          category: null,
          rule: 'not on the KS2 allow-list',
        });
        await eventService.store(event, device, '127.0.0.1');
        stored++;
      }
    };
    await Promise.all(Array.from({ length: inFlight }, next));
    return Math.round(stored / ((performance.now() - started) / 1000));
  } finally {
    await app.close();
  }
}
