import { Router } from 'express';
import {
  ConfirmFeedBodySchema,
  SubscribeFeedBodySchema,
  type CategorySourceSummary,
  type Staff,
} from '@waymark/shared';
import { handle, HttpError, parseBody, requireCapability } from '../../http/middleware';
import { STARTER_SOURCE, type CategoryStore } from '../category-data';
import type { FeedService } from './feed-service';

/**
 * Category sources (`/api/category-sources`): the starter lists, uploads and feeds, with their
 * versions, counts and health; subscribing to a feed, fetching it now, confirming or refusing a
 * version that waited, and unsubscribing. DSL and technician (`edit-policies`).
 */
export function categorySourceRoutes(deps: { store: CategoryStore; feeds: FeedService }) {
  const router = Router();

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

  router.get(
    '/',
    handle(async (req, res) => {
      const who = requireCapability(req, 'edit-policies');
      res.json({ sources: await summaries(who) });
    }),
  );

  router.post(
    '/',
    handle(async (req, res) => {
      const who = requireCapability(req, 'edit-policies');
      const body = parseBody(SubscribeFeedBodySchema, req.body);
      const { id } = await deps.feeds.subscribe(who, body);
      // The first fetch at once: the person sees whether the address works.
      const outcome = await deps.feeds.refresh(id);
      res.status(201).json({ id, outcome });
    }),
  );

  const sourceId = (value: unknown) => {
    if (typeof value !== 'string' || value.length > 100) throw new HttpError(400, 'no such list');
    return value;
  };

  router.post(
    '/:id/refresh',
    handle(async (req, res) => {
      const who = requireCapability(req, 'edit-policies');
      const id = sourceId(req.params.id);
      if (!(await deps.store.source(who.schoolId, id))) throw new HttpError(404, 'no such feed');
      res.json({ outcome: await deps.feeds.refresh(id, { force: req.query.force === '1' }) });
    }),
  );

  router.post(
    '/:id/confirm',
    handle(async (req, res) => {
      const who = requireCapability(req, 'edit-policies');
      const { reason } = parseBody(ConfirmFeedBodySchema, req.body);
      res.json(await deps.feeds.confirm(who, sourceId(req.params.id), reason));
    }),
  );

  router.post(
    '/:id/reject',
    handle(async (req, res) => {
      const who = requireCapability(req, 'edit-policies');
      await deps.feeds.reject(who, sourceId(req.params.id));
      res.json({ ok: true });
    }),
  );

  router.delete(
    '/:id',
    handle(async (req, res) => {
      const who = requireCapability(req, 'edit-policies');
      await deps.feeds.remove(who, sourceId(req.params.id));
      res.json({ ok: true });
    }),
  );
  return router;
}
