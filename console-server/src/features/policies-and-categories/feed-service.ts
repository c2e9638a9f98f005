import { randomUUID } from 'node:crypto';
import { and, eq, isNull, lt, or } from 'drizzle-orm';
import type { Staff, SubscribeFeedBody } from '@waymark/shared';
import type { Database } from '../../db/open-database';
import { categorySources, staff } from '../../db/schema';
import { DomainError } from '../../errors/domain-error';
import {
  FeedError,
  readFeed,
  recordCategoryChange,
  type CategoryStore,
  type FeedReport,
  type VersionChanges,
} from '../category-data';
import { checkEntry, domainLine, hostsLine, UT1_CATEGORY_MAP } from './category-importers';

export interface FeedLimits {
  /** Most bytes downloaded per fetch (default 200 MB). */
  maxBytes: number;
  /** Most bytes once a .tar.gz is expanded (default 2 GB). */
  maxExpandedBytes: number;
  /** A version with more entries than this waits for a person (default 10 million). */
  maxEntries: number;
  /** How long a fetch may take before it is abandoned. */
  timeoutMs: number;
}

export const DEFAULT_FEED_LIMITS: FeedLimits = {
  maxBytes: 200 * 1024 * 1024,
  maxExpandedBytes: 2 * 1024 * 1024 * 1024,
  maxEntries: 10_000_000,
  timeoutMs: 10 * 60 * 1000,
};

/** How often a feed is fetched again. */
const FEED_EVERY_MS = 24 * 60 * 60 * 1000;

type FeedOutcome =
  | { outcome: 'unchanged' }
  | { outcome: 'updated'; version: number; changes: Omit<VersionChanges, 'rows'>; report: FeedSummary }
  | { outcome: 'awaiting-confirmation'; version: number; reason: string; report: FeedSummary }
  | { outcome: 'failed'; error: string };

interface FeedSummary {
  entries: number;
  badLines: number;
  badSamples: FeedReport['badSamples'];
  unmapped: string[];
  refused: string[];
}

/**
 * Feeds: category lists fetched from a URL (UT1 tarball, hosts file, plain list, Chrome policy
 * JSON) on a schedule. A fetch is conditional (ETag, Last-Modified); the body is read as it
 * arrives, within size limits, into a staged version; a version that shrinks by more than half or
 * grows past the limit waits for a person; otherwise it is swapped in at once, with a
 * change-control entry, and the school's devices are told. A failed fetch keeps the last good
 * version and says why (`status: failed`).
 */
export function createFeedService(deps: {
  db: Database;
  store: CategoryStore;
  categoriesChanged: (schoolId: string) => Promise<void>;
  limits?: Partial<FeedLimits>;
}) {
  const limits = { ...DEFAULT_FEED_LIMITS, ...deps.limits };
  const { db, store } = deps;

  async function owner(source: typeof categorySources.$inferSelect) {
    const [who] = source.createdBy
      ? await db.select({ id: staff.id, name: staff.name }).from(staff).where(eq(staff.id, source.createdBy))
      : [];
    return who ?? null;
  }

  async function publish(
    source: typeof categorySources.$inferSelect,
    staged: Awaited<ReturnType<CategoryStore['stage']>>,
    reason: string,
    by: { id: string; name: string } | null,
  ) {
    const changes = await store.compare(source.id, source.version, staged.version, {
      from: Object.keys(source.counts ?? {}),
      to: Object.keys(staged.counts),
    });
    await store.swap(source.id, staged, changes);
    if (by)
      await recordCategoryChange(db, {
        schoolId: source.schoolId,
        staffId: by.id,
        staffName: by.name,
        source: { id: source.id, name: source.name },
        version: staged.version,
        reason,
        changes,
      });
    await deps.categoriesChanged(source.schoolId);
    const { rows: _rows, ...counts } = changes;
    return counts;
  }

  async function fail(sourceId: string, error: string): Promise<FeedOutcome> {
    await db
      .update(categorySources)
      .set({ status: 'failed', lastError: error.slice(0, 1000), checkedAt: new Date() })
      .where(eq(categorySources.id, sourceId));
    return { outcome: 'failed', error };
  }

  async function refresh(sourceId: string, options: { force?: boolean } = {}): Promise<FeedOutcome> {
    const [source] = await db.select().from(categorySources).where(eq(categorySources.id, sourceId));
    if (!source || source.kind !== 'feed' || !source.url) throw new DomainError('not-found', 'no such feed');
    const headers: Record<string, string> = { 'user-agent': 'Waymark category feed' };
    if (!options.force && source.version > 0) {
      if (source.etag) headers['if-none-match'] = source.etag;
      if (source.lastModified) headers['if-modified-since'] = source.lastModified;
    }
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), limits.timeoutMs);
    const version = Math.max(source.version, source.pendingVersion ?? 0) + 1;
    try {
      let res: Response;
      try {
        res = await fetch(source.url, { headers, signal: abort.signal, redirect: 'follow' });
      } catch (error) {
        return await fail(source.id, `could not fetch the feed: ${(error as Error).message}`);
      }
      if (res.status === 304) {
        await res.body?.cancel();
        await db
          .update(categorySources)
          .set({
            checkedAt: new Date(),
            ...(source.status === 'failed' ? { status: 'ok', lastError: null } : {}),
          })
          .where(eq(categorySources.id, source.id));
        return { outcome: 'unchanged' };
      }
      if (!res.ok || !res.body) {
        await res.body?.cancel();
        return await fail(source.id, `the feed answered ${res.status} ${res.statusText}`);
      }
      const declared = Number(res.headers.get('content-length') ?? NaN);
      if (declared > (source.maxBytes ?? limits.maxBytes)) {
        abort.abort();
        return await fail(source.id, `the feed is larger than its limit (${declared} bytes announced)`);
      }
      const report: FeedReport = {
        entries: 0,
        badLines: 0,
        badSamples: [],
        unmapped: new Set(),
        refused: [],
      };
      let staged;
      try {
        staged = await store.stage(
          source.id,
          version,
          readFeed(
            res.body as unknown as AsyncIterable<Uint8Array>,
            {
              format: source.format as 'ut1',
              category: source.category,
              mapping: source.mapping,
              defaultMap: UT1_CATEGORY_MAP,
              maxBytes: source.maxBytes ?? limits.maxBytes,
              maxExpandedBytes: limits.maxExpandedBytes,
              checkEntry,
              domainLine,
              hostsLine,
            },
            report,
          ),
        );
      } catch (error) {
        abort.abort();
        await store.discard(source.id, version);
        if (error instanceof FeedError) return await fail(source.id, error.message);
        throw error;
      }
      const summary: FeedSummary = {
        entries: report.entries,
        badLines: report.badLines,
        badSamples: report.badSamples,
        unmapped: [...report.unmapped].sort(),
        refused: report.refused.slice(0, 50),
      };
      if (staged.count === 0) {
        await store.discard(source.id, version);
        return await fail(source.id, 'the feed held no usable entries: the last good version stays');
      }
      const cache = { etag: res.headers.get('etag'), lastModified: res.headers.get('last-modified') };
      const shrinks = source.entryCount > 0 && staged.count < source.entryCount / 2;
      const grows = staged.count > limits.maxEntries;
      if (shrinks || grows) {
        const reason = shrinks
          ? `it shrinks from ${source.entryCount} to ${staged.count} entries (by more than half)`
          : `it holds ${staged.count} entries, more than the limit of ${limits.maxEntries}`;
        if (source.pendingVersion && source.pendingVersion !== version)
          await store.discard(source.id, source.pendingVersion);
        await db
          .update(categorySources)
          .set({
            status: 'awaiting-confirmation',
            pendingVersion: version,
            pendingSummary: { reason, staged, report: summary },
            lastError: `the new version waits for a person to confirm: ${reason}`,
            checkedAt: new Date(),
            ...cache,
          })
          .where(eq(categorySources.id, source.id));
        return { outcome: 'awaiting-confirmation', version, reason, report: summary };
      }
      const changes = await publish(source, staged, 'feed update', await owner(source));
      await db
        .update(categorySources)
        .set({ status: 'ok', lastError: null, checkedAt: new Date(), ...cache })
        .where(eq(categorySources.id, source.id));
      return { outcome: 'updated', version, changes, report: summary };
    } finally {
      clearTimeout(timer);
    }
  }

  return {
    refresh,

    async subscribe(who: Staff, body: SubscribeFeedBody) {
      if (body.format !== 'ut1' && !body.category)
        throw new DomainError('invalid', `a ${body.format} feed needs the category its entries go in`);
      const id = `feed-${randomUUID()}`;
      try {
        await db.insert(categorySources).values({
          id,
          schoolId: who.schoolId,
          name: body.name,
          kind: 'feed',
          format: body.format,
          url: body.url,
          category: body.format === 'ut1' ? null : body.category,
          mapping: body.format === 'ut1' ? (body.mapping ?? null) : null,
          maxBytes: body.maxBytes ?? null,
          createdBy: who.id,
        });
      } catch {
        throw new DomainError('conflict', `there is already a list called "${body.name}"`);
      }
      return { id };
    },

    /** A version that waited for a person: swapped in now, on their word. */
    async confirm(who: Staff, sourceId: string, reason: string) {
      const source = await store.source(who.schoolId, sourceId);
      if (!source?.pendingVersion) throw new DomainError('not-found', 'no version waits for confirmation');
      const staged = (source.pendingSummary as { staged: Awaited<ReturnType<CategoryStore['stage']>> })
        .staged;
      const changes = await publish(source, staged, reason, { id: who.id, name: who.name });
      await db
        .update(categorySources)
        .set({ status: 'ok', lastError: null })
        .where(eq(categorySources.id, source.id));
      return { version: staged.version, changes };
    },

    /** A waiting version refused: the current one stays. */
    async reject(who: Staff, sourceId: string) {
      const source = await store.source(who.schoolId, sourceId);
      if (!source?.pendingVersion) throw new DomainError('not-found', 'no version waits for confirmation');
      await store.discard(source.id, source.pendingVersion);
      await db
        .update(categorySources)
        .set({ status: 'ok', lastError: null, pendingVersion: null, pendingSummary: null })
        .where(eq(categorySources.id, source.id));
    },

    async remove(who: Staff, sourceId: string) {
      const source = await store.source(who.schoolId, sourceId);
      if (!source) throw new DomainError('not-found', 'no such list');
      await db.delete(categorySources).where(eq(categorySources.id, source.id));
      await deps.categoriesChanged(who.schoolId);
    },

    /** Every feed not fetched in the last day (the scheduled job, one process at a time). */
    async refreshDue(now = new Date()) {
      const due = await db
        .select({ id: categorySources.id })
        .from(categorySources)
        .where(
          and(
            eq(categorySources.kind, 'feed'),
            or(
              isNull(categorySources.checkedAt),
              lt(categorySources.checkedAt, new Date(now.getTime() - FEED_EVERY_MS)),
            ),
          ),
        );
      const outcomes: FeedOutcome[] = [];
      for (const { id } of due) {
        try {
          outcomes.push(await refresh(id));
        } catch (error) {
          outcomes.push(await fail(id, (error as Error).message));
        }
      }
      return outcomes;
    },
  };
}
export type FeedService = ReturnType<typeof createFeedService>;
