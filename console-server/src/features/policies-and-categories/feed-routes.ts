import { categorySourcesContract, type CategorySourceSummary, type Staff } from '@waymark/shared';
import { HttpError } from '../../http/middleware';
import { contractRouter, OK } from '../../http/contract-route';
import { STARTER_SOURCE, type CategoryStore } from '../category-data';
import type { FeedService } from './feed-service';

/**
 * Category sources (`/api/category-sources`): the starter lists, uploads and feeds, with their
 * versions, counts and health; subscribing to a feed, fetching it now, confirming or refusing a
 * version that waited, and unsubscribing. DSL and technician (`edit-policies`).
 */
export function categorySourceRoutes(deps: { store: CategoryStore; feeds: FeedService }) {
  const { router, route } = contractRouter('/api/category-sources');

  async function summaries(who: Staff): Promise<CategorySourceSummary[]> {
    const rows = await deps.store.sources(who.schoolId);
    return [
      {
        id: STARTER_SOURCE.id,
        name: STARTER_SOURCE.name,
        kind: 'starter',
        format: 'built-in',
        url: null,
        category: null,
        version: STARTER_SOURCE.version,
        entryCount: STARTER_SOURCE.entryCount,
        counts: STARTER_SOURCE.counts,
        status: 'ok',
        lastError: null,
        checkedAt: null,
        updatedAt: null,
        pending: null,
      },
      ...rows.map((r): CategorySourceSummary => {
        const pending = r.pendingSummary as { reason: string; staged: { count: number } } | null;
        return {
          id: r.id,
          name: r.name,
          kind: r.kind,
          format: r.format,
          url: r.url,
          category: r.category,
          version: r.version,
          entryCount: r.entryCount,
          counts: r.counts ?? {},
          status: r.status,
          lastError: r.lastError,
          checkedAt: r.checkedAt?.toISOString() ?? null,
          updatedAt: r.updatedAt?.toISOString() ?? null,
          pending:
            r.pendingVersion && pending
              ? { version: r.pendingVersion, reason: pending.reason, entries: pending.staged.count }
              : null,
        };
      }),
    ];
  }

  route(categorySourcesContract.list, 'edit-policies', async ({ who }) => ({
    sources: await summaries(who),
  }));

  route(categorySourcesContract.subscribe, 'edit-policies', async ({ who, body }) => {
    const { id } = await deps.feeds.subscribe(who, body);
    // The first fetch at once: the person sees whether the address works.
    return { id, outcome: await deps.feeds.refresh(id) };
  });

  const sourceId = (value: string) => {
    if (value.length > 100) throw new HttpError(400, 'no such list');
    return value;
  };

  route(categorySourcesContract.refresh, 'edit-policies', async ({ who, params, query }) => {
    const id = sourceId(params.id);
    if (!(await deps.store.source(who.schoolId, id))) throw new HttpError(404, 'no such feed');
    return { outcome: await deps.feeds.refresh(id, { force: query.force === '1' }) };
  });

  route(categorySourcesContract.confirm, 'edit-policies', async ({ who, params, body }) =>
    deps.feeds.confirm(who, sourceId(params.id), body.reason),
  );

  route(categorySourcesContract.reject, 'edit-policies', async ({ who, params }) => {
    await deps.feeds.reject(who, sourceId(params.id));
    return OK;
  });

  route(categorySourcesContract.remove, 'edit-policies', async ({ who, params }) => {
    await deps.feeds.remove(who, sourceId(params.id));
    return OK;
  });
  return router;
}
