import { describe, expect, it } from 'vitest';
import { digestHtml } from '../src/features/reports/digest-html';
import type { Digest } from '../src/features/reports/report-service';

const week: Digest = {
  // Monday 2 March 2026, midnight at UTC+14, to the next Monday.
  from: '2026-03-01T10:00:00.000Z',
  to: '2026-03-08T10:00:00.000Z',
  blockedByCategory: [],
  topBlockedSites: [],
  flaggedSearchesByCategory: [],
  concerns: 0,
  tamper: 0,
  alerts: 0,
  incidentsOpened: 0,
  incidentsClosed: 0,
};

describe('the digest page', () => {
  it('gives the dates of the week in the school’s own time zone', () => {
    const html = digestHtml('Ysgol Kiribati', week, 'en', { timeZone: 'Pacific/Kiritimati' });
    expect(html).toContain('2 March 2026');
    expect(html).toContain('8 March 2026');
    expect(html).not.toContain('1 March 2026');
  });

  it('falls back to the UK when no zone is given', () => {
    const html = digestHtml('Demo', week, 'en');
    expect(html).toContain('1 March 2026');
  });
});
