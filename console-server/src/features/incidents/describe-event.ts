import { isIllegalCategory, type StoredEvent } from '@waymark/shared';

/** An event in words, for the description of an incident raised from it. */
export function describeEvent(e: StoredEvent, timeZone: string): string {
  const who = e.pupilName ?? e.user ?? `the pupil using ${e.deviceName}`;
  const when = new Date(e.occurredAt).toLocaleString('en-GB', { timeZone });
  // Illegal-category addresses never go into the description: they stay with the (hidden) evidence.
  const where = isIllegalCategory(e.category) ? 'a site in an illegal category' : (e.url ?? 'a page');
  switch (e.kind) {
    case 'blocked':
      return `${who} tried to open ${where} on ${e.deviceName} at ${when}.`;
    case 'search':
      return `${who} searched for "${String(e.details.query ?? '')}" on ${e.deviceName} at ${when}.`;
    case 'flagged-title':
      return `${who} opened a ${e.details.source === 'video' ? 'video' : 'page'} titled "${String(e.details.title ?? '')}" on ${e.deviceName} at ${when}.`;
    case 'unblock-request':
      // The pupil's reason may name the address too.
      return isIllegalCategory(e.category)
        ? `${who} asked for ${where} to be unblocked at ${when}.`
        : `${who} asked for ${where} to be unblocked at ${when}: "${String(e.details.reason ?? '')}".`;
    case 'concern':
      return `${who} asked for help on ${e.deviceName} at ${when}: "${String(e.details.message ?? '')}".`;
    case 'tamper':
      return `Possible circumvention on ${e.deviceName} at ${when}: ${String(e.details.detail ?? e.details.what ?? '')}.`;
    case 'heartbeat':
      return `Device ${e.deviceName} reported at ${when}.`;
  }
}
