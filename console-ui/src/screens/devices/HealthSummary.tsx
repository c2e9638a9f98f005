import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DeviceHealthReport } from '@waymark/shared';
import { useDeviceFormatters } from './format';

type Problem = 'neverEnrolled' | 'silent' | 'oldExtension' | 'oldPolicy' | 'tamper';

/** Where each count leads: the devices behind it. */
const PROBLEMS: Array<{ key: Problem; to: string; testId: string }> = [
  { key: 'neverEnrolled', to: '/devices/health#never-enrolled', testId: 'summary-never-enrolled' },
  { key: 'silent', to: '/devices?show=silent', testId: 'summary-silent' },
  { key: 'oldExtension', to: '/devices?show=old-extension', testId: 'summary-old-extension' },
  { key: 'oldPolicy', to: '/devices?show=old-policy', testId: 'summary-old-policy' },
  { key: 'tamper', to: '/devices?show=tamper', testId: 'summary-tamper' },
];

/** The technician's counts at a glance: how many devices, and how many need looking at, and why. */
export function HealthSummary({ report }: { report: DeviceHealthReport }) {
  const { t } = useTranslation('devices');
  const format = useDeviceFormatters();
  const { summary } = report;
  return (
    <section aria-labelledby="health-summary-heading" className="health-summary">
      <div className="health-summary-head">
        <h2 id="health-summary-heading">{t('summary.title')}</h2>
        <p className="devices-muted">{t('summary.updated', { when: format.dateTime(report.generatedAt) })}</p>
      </div>
      <ul>
        <li>
          <Link to="/devices" className="health-card" data-testid="summary-devices">
            <span className="health-card-count">{format.number(summary.devices)}</span>
            <span className="health-card-label">{t('summary.devices')}</span>
            <span className="health-card-note">
              {t('summary.onlineNow', { online: format.number(summary.online) })}
            </span>
          </Link>
        </li>
        {PROBLEMS.map((p) => (
          <li key={p.key}>
            <Link
              to={p.to}
              className={summary[p.key] > 0 ? 'health-card has-problem' : 'health-card'}
              data-testid={p.testId}
            >
              <span className="health-card-count">{format.number(summary[p.key])}</span>
              <span className="health-card-label">{t(`summary.${p.key}`)}</span>
              <span className="health-card-note">{t(`summary.${p.key}Note`, noteValues(report))}</span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

function noteValues(report: DeviceHealthReport) {
  return {
    expected: report.summary.expected,
    start: report.schoolHours.dayStart,
    end: report.schoolHours.dayEnd,
    minutes: report.schoolHours.silentAfterMinutes,
    newest: report.newestExtensionVersion ?? '—',
    days: report.tamperWindowDays,
  };
}
