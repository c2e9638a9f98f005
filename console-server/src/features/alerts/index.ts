export { alertRoutes } from './alert-routes';
export { createAlertService, type AlertChange, type AlertService } from './alert-service';
export { toAlert } from './alert-row';
export { escalationDeadline, type EscalationClock } from './escalation-deadline';
export { createMailer, escapeHtml, type Mail, type Mailer } from './mailer';
export { createWebhookService, type WebhookService } from './webhook-service';
export { verifyWebhookSignature, webhookSignature } from './webhook-signature';
