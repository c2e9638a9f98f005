import { CATEGORY_LABELS, type Alert, type Category } from '@waymark/shared';
import { escapeHtml, type Mail } from './mailer';

export function topicLabel(topic: string): string {
  if (topic === 'concern') return 'A pupil asked for help';
  if (topic === 'tamper') return 'Possible circumvention';
  return CATEGORY_LABELS[topic as Category] ?? topic;
}

/**
 * The e-mail for an alert, raised or escalated. No addresses or search words: the details stay in
 * the console, behind sign-in; the link opens the alert, where it is acknowledged.
 */
export function alertMail(
  alert: Alert,
  to: string[],
  {
    consoleUrl,
    when,
    device,
    escalated,
  }: { consoleUrl: string; when: string; device: string; escalated: boolean },
): Mail {
  const what = topicLabel(alert.topic);
  const where = alert.className ? ` (${alert.className})` : '';
  const link = `${consoleUrl.replace(/\/$/, '')}/alerts/${alert.id}`;
  const lead = escalated ? 'Nobody has acknowledged this alert yet, so it has come to you.\n' : '';
  const text = `${lead}${what}: ${alert.pupilLabel}${where} on ${device} at ${when}.\nOpen Waymark to see the event, acknowledge the alert and raise an incident: ${link}`;
  return {
    to,
    subject: `${escalated ? 'Waymark alert not yet acknowledged' : 'Waymark alert'}: ${what} – ${alert.pupilLabel}`,
    text,
    html: `${escalated ? '<p><strong>Nobody has acknowledged this alert yet, so it has come to you.</strong></p>' : ''}<p><strong>${escapeHtml(what)}</strong>: ${escapeHtml(alert.pupilLabel)}${escapeHtml(where)} on ${escapeHtml(device)} at ${escapeHtml(when)}.</p><p><a href="${escapeHtml(link)}">Open Waymark</a> to see the event, acknowledge the alert and raise an incident.</p>`,
  };
}
