import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DeviceHealthReport, DeviceHealthRow } from '@waymark/shared';
import { CategoryFeedHealth } from './CategoryFeedHealth';
import { NeverEnrolled } from './NeverEnrolled';
import { tamperKind } from './device-columns';
import { schoolDayMinutes, useDeviceFormatters } from './format';
import { useDeviceHealth } from './use-device-health';

/** Each list shows this many devices; the rest are a click away in the device list. */
const LIST_LIMIT = 50;

/** The health checks one by one: which devices, why, and what to do about them. */
export function HealthPage() {
  const { t } = useTranslation('devices');
  const health = useDeviceHealth();
  const report = health.data;
  if (!report) return null;
  const { schoolHours } = report;
  return (
    <section aria-labelledby="health-heading" className="health-page">
      <h2 id="health-heading">{t('health.title')}</h2>
      <p>{t('health.intro')}</p>
      <CategoryFeedHealth />
      <NeverEnrolled report={report} />
      <IssueSection
        id="silent"
        title={t('health.silent.title')}
        explain={t('health.silent.explain', {
          start: schoolHours.dayStart,
          end: schoolHours.dayEnd,
          minutes: schoolHours.silentAfterMinutes,
        })}
        action={t('health.silent.action')}
        devices={report.devices
          .filter((d) => d.silent)
          .sort((a, b) => a.silentSchoolMinutes - b.silentSchoolMinutes)}
        show="silent"
        columns={[t('health.silent.missed'), t('table.lastSeen')]}
        cells={(d) => <SilentCells device={d} report={report} />}
      />
      <IssueSection
        id="old-extension"
        title={t('health.oldExtension.title')}
        explain={t('health.oldExtension.explain', { newest: report.newestExtensionVersion ?? '—' })}
        action={t('health.oldExtension.action')}
        devices={report.devices.filter((d) => d.oldExtension)}
        show="old-extension"
        columns={[t('table.extension')]}
        cells={(d) => <td>{d.extensionVersion}</td>}
      />
      <IssueSection
        id="old-policy"
        title={t('health.oldPolicy.title')}
        explain={t('health.oldPolicy.explain')}
        action={t('health.oldPolicy.action')}
        devices={report.devices.filter((d) => d.oldPolicy)}
        show="old-policy"
        columns={[
          t('health.oldPolicy.profile'),
          t('health.oldPolicy.applied'),
          t('health.oldPolicy.current'),
        ]}
        cells={(d) => (
          <>
            <td>{d.profile ? t(`profiles.${d.profile}`) : '—'}</td>
            <td>{d.policyVersion ?? t('table.noPolicy')}</td>
            <td>{d.currentPolicyVersion ?? '—'}</td>
          </>
        )}
      />
      <IssueSection
        id="tamper"
        title={t('health.tamper.title')}
        explain={t('health.tamper.explain', { days: report.tamperWindowDays })}
        action={t('health.tamper.action')}
        devices={report.devices
          .filter((d) => d.tamperCount > 0)
          .sort((a, b) => (b.lastTamperAt ?? '').localeCompare(a.lastTamperAt ?? ''))}
        show="tamper"
        columns={[t('health.tamper.count'), t('health.tamper.last')]}
        cells={(d) => <TamperCells device={d} />}
      />
      <IssueSection
        id="hardening"
        title={t('health.hardening.title')}
        explain={t('health.hardening.explain')}
        action={t('health.hardening.action')}
        devices={report.devices.filter((d) => d.missingHardening.length > 0)}
        show="hardening"
        columns={[t('health.hardening.missing')]}
        cells={(d) => <td>{d.missingHardening.map((check) => t(`hardeningCheck.${check}`)).join(', ')}</td>}
      />
    </section>
  );
}

function SilentCells({ device, report }: { device: DeviceHealthRow; report: DeviceHealthReport }) {
  const { t } = useTranslation('devices');
  const format = useDeviceFormatters();
  return (
    <>
      <td>{format.schoolTime(device.silentSchoolMinutes, schoolDayMinutes(report.schoolHours))}</td>
      <td>{device.lastSeenAt ? format.dateTime(device.lastSeenAt) : t('table.never')}</td>
    </>
  );
}

function TamperCells({ device }: { device: DeviceHealthRow }) {
  const { t } = useTranslation('devices');
  const format = useDeviceFormatters();
  return (
    <>
      <td>{device.tamperCount}</td>
      <td>
        {t(`tamperWhat.${tamperKind(device.lastTamperWhat)}`)}
        {device.lastTamperAt && <span className="devices-muted">{format.dateTime(device.lastTamperAt)}</span>}
      </td>
    </>
  );
}

/** One health check: why it matters, what to do, and the devices it found (or that all is well). */
function IssueSection({
  id,
  title,
  explain,
  action,
  devices,
  show,
  columns,
  cells,
}: {
  id: string;
  title: string;
  explain: string;
  action: string;
  devices: DeviceHealthRow[];
  show: string;
  columns: string[];
  cells: (device: DeviceHealthRow) => ReactNode;
}) {
  const { t } = useTranslation('devices');
  const shown = devices.slice(0, LIST_LIMIT);
  return (
    <section aria-labelledby={`${id}-heading`} className="health-section" id={id}>
      <h3 id={`${id}-heading`}>
        {title}{' '}
        <span className={devices.length > 0 ? 'device-count has-problem' : 'device-count'}>
          {devices.length}
        </span>
      </h3>
      <p>{explain}</p>
      {devices.length === 0 ? (
        <p className="devices-ok">{t('health.none')}</p>
      ) : (
        <>
          <p className="devices-muted">{action}</p>
          <div className="devices-table-scroll">
            <table className="devices-table">
              <caption className="devices-visually-hidden">{title}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('table.device')}</th>
                  <th scope="col">{t('list.class')}</th>
                  {columns.map((c) => (
                    <th scope="col" key={c}>
                      {c}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {shown.map((d) => (
                  <tr key={d.id}>
                    <th scope="row">
                      <span className="device-name">{d.name}</span>
                      {d.assetTag && <span className="devices-muted">{d.assetTag}</span>}
                    </th>
                    <td>{d.className ?? t('table.noClass')}</td>
                    {cells(d)}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p>
            <Link to={`/devices?show=${show}`}>
              {devices.length > LIST_LIMIT
                ? t('health.showAllMore', { count: devices.length - LIST_LIMIT })
                : t('health.showInList')}
            </Link>
          </p>
        </>
      )}
    </section>
  );
}
