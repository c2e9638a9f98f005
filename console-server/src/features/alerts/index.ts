export { createAlertService, type AlertService } from './alert-service';
export { createMailer, escapeHtml, type Mail, type Mailer } from './mailer';
