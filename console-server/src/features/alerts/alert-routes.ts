import { Router } from 'express';
import { z } from 'zod';
import { AlertListQuerySchema, AlertSettingsSchema, WebhookSettingsBodySchema } from '@waymark/shared';
import { DomainError } from '../../errors/domain-error';
import { handle, parseBody, requireCapability } from '../../http/middleware';
import type { AlertService } from './alert-service';
import type { WebhookService } from './webhook-service';

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
export function alertRoutes({
  alertService,
  webhookService,
}: {
  alertService: AlertService;
  webhookService: WebhookService;
}) {
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

  // The school's webhook: its address (the secret is shown once, when made) and its deliveries.
  router.get(
    '/webhook',
    handle(async (req, res) => {
      const who = requireCapability(req, 'alert-settings');
      res.json({ webhook: await webhookService.settings(who.schoolId) });
    }),
  );

  router.put(
    '/webhook',
    handle(async (req, res) => {
      const who = requireCapability(req, 'alert-settings');
      const body = parseBody(WebhookSettingsBodySchema, req.body);
      res.json({ webhook: await webhookService.save(who.schoolId, body) });
    }),
  );

  router.get(
    '/webhook/deliveries',
    handle(async (req, res) => {
      const who = requireCapability(req, 'alert-settings');
      res.json({ deliveries: await webhookService.deliveries(who.schoolId) });
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
