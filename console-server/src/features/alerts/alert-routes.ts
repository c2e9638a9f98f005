import { z } from 'zod';
import { alertsContract } from '@waymark/shared';
import { DomainError } from '../../errors/domain-error';
import { contractRouter } from '../../http/contract-route';
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
  const { router, route } = contractRouter('/api/alerts');

  route(alertsContract.list, 'acknowledge-alerts', async ({ who, query }) => ({
    alerts: await alertService.list(who, query.status),
  }));

  route(alertsContract.settings, 'acknowledge-alerts', async ({ who }) => ({
    settings: await alertService.settings(who.schoolId),
  }));

  route(alertsContract.saveSettings, 'alert-settings', async ({ who, body }) => ({
    settings: await alertService.saveSettings(who.schoolId, body),
  }));

  // The school's webhook: its address (the secret is shown once, when made) and its deliveries.
  route(alertsContract.webhook, 'alert-settings', async ({ who }) => ({
    webhook: await webhookService.settings(who.schoolId),
  }));

  route(alertsContract.saveWebhook, 'alert-settings', async ({ who, body }) => ({
    webhook: await webhookService.save(who.schoolId, body),
  }));

  route(alertsContract.deliveries, 'alert-settings', async ({ who }) => ({
    deliveries: await webhookService.deliveries(who.schoolId),
  }));

  route(alertsContract.detail, 'acknowledge-alerts', async ({ who, params }) =>
    alertService.detail(who, alertId(params.id)),
  );

  route(alertsContract.acknowledge, 'acknowledge-alerts', async ({ who, params }) =>
    alertService.acknowledge(who, alertId(params.id)),
  );

  return router;
}
