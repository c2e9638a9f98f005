import { Router } from 'express';
import { z } from 'zod';
import { AlertListQuerySchema, AlertSettingsSchema } from '@waymark/shared';
import { DomainError } from '../../errors/domain-error';
import { handle, parseBody, requireCapability } from '../../http/middleware';
import type { AlertService } from './alert-service';

const Id = z.uuid();

function alertId(raw: unknown): string {
  const parsed = Id.safeParse(raw);
  if (!parsed.success) throw new DomainError('not-found', 'no such alert');
  return parsed.data;
}

/**
 * Alerts that need acknowledging: `/api/alerts`. The DSLs see and acknowledge every alert of the
 * school; the senior leader those escalated to them. The escalation time is the DSL's to set.
 */
export function alertRoutes({ alertService }: { alertService: AlertService }) {
  const router = Router();

  router.get(
    '/',
    handle(async (req, res) => {
      const who = requireCapability(req, 'acknowledge-alerts');
      const { status } = parseBody(AlertListQuerySchema, req.query);
      res.json({ alerts: await alertService.list(who, status) });
    }),
  );

  router.get(
    '/settings',
    handle(async (req, res) => {
      const who = requireCapability(req, 'acknowledge-alerts');
      res.json({ settings: await alertService.settings(who.schoolId) });
    }),
  );

  router.put(
    '/settings',
    handle(async (req, res) => {
      const who = requireCapability(req, 'alert-settings');
      const body = parseBody(AlertSettingsSchema, req.body);
      res.json({ settings: await alertService.saveSettings(who.schoolId, body) });
    }),
  );

  router.get(
    '/:id',
    handle(async (req, res) => {
      const who = requireCapability(req, 'acknowledge-alerts');
      res.json(await alertService.detail(who, alertId(req.params.id)));
    }),
  );

  router.post(
    '/:id/acknowledge',
    handle(async (req, res) => {
      const who = requireCapability(req, 'acknowledge-alerts');
      res.json(await alertService.acknowledge(who, alertId(req.params.id)));
    }),
  );

  return router;
}
