import { createColumnHelper, type ColumnDef } from '@tanstack/react-table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import {
  TAMPER_KINDS,
  type DeviceHealthReport,
  type DeviceHealthRow,
  type TamperKind,
} from '@waymark/shared';
import { schoolDayMinutes, useDeviceFormatters } from './format';

const column = createColumnHelper<DeviceHealthRow>();

/** Sorts 1.10.0 after 1.9.3: each part as a zero-padded number. */
const versionKey = (version: string | null) =>
  (version ?? '')
    .split('.')
    .map((part) => String(Number.parseInt(part, 10) || 0).padStart(6, '0'))
    .join('.');

/** The device list's columns: each sortable, each cell saying what is wrong in words, not only colour. */
export function useDeviceColumns(report: DeviceHealthReport | undefined) {
  const { t } = useTranslation('devices');
  const format = useDeviceFormatters();
  const dayMinutes = report ? schoolDayMinutes(report.schoolHours) : 0;
  const newest = report?.newestExtensionVersion ?? null;
  const tamperDays = report?.tamperWindowDays ?? 7;

  return useMemo(
    () =>
      [
        column.accessor('name', {
          id: 'name',
          header: t('table.device'),
          cell: ({ row: { original: d } }) => (
            <>
              <span className="device-name">{d.name}</span>
              {d.assetTag && (
                <span className="devices-muted device-tag">{t('table.assetTag', { tag: d.assetTag })}</span>
              )}
            </>
          ),
        }),
        column.accessor((d) => d.className ?? '', {
          id: 'class',
          header: t('table.classProfile'),
          cell: ({ row: { original: d } }) => (
            <>
              <span>{d.className ?? t('table.noClass')}</span>
              <span className="devices-muted">{d.profile ? t(`profiles.${d.profile}`) : '—'}</span>
            </>
          ),
        }),
        column.accessor((d) => (d.online ? 2 : d.silent ? 0 : 1), {
          id: 'status',
          header: t('table.status'),
          cell: ({ row: { original: d } }) =>
            d.online ? (
              <span className="device-badge device-badge-ok">{t('status.online')}</span>
            ) : d.silent ? (
              <>
                <span className="device-badge device-badge-danger">{t('status.silent')}</span>
                <span className="devices-muted">
                  {t('status.missed', { time: format.schoolTime(d.silentSchoolMinutes, dayMinutes) })}
                </span>
              </>
            ) : (
              <span className="device-badge device-badge-neutral">{t('status.offline')}</span>
            ),
        }),
        column.accessor((d) => d.lastSeenAt ?? '', {
          id: 'lastSeen',
          header: t('table.lastSeen'),
          cell: ({ row: { original: d } }) =>
            d.lastSeenAt ? (
              <>
                <span>{d.online ? t('status.now') : format.relative(d.lastSeenAt)}</span>
                <span className="devices-muted">{format.dateTime(d.lastSeenAt)}</span>
              </>
            ) : (
              t('table.never')
            ),
        }),
        column.accessor((d) => d.lastIp ?? '', {
          id: 'ip',
          header: t('table.ip'),
          cell: ({ row: { original: d } }) => <span className="device-ip">{d.lastIp ?? '—'}</span>,
        }),
        column.accessor((d) => versionKey(d.extensionVersion), {
          id: 'extension',
          header: t('table.extension'),
          cell: ({ row: { original: d } }) => (
            <>
              <span>{d.extensionVersion ?? '—'}</span>
              {d.oldExtension && (
                <span className="device-badge device-badge-warn">{t('table.oldExtension', { newest })}</span>
              )}
            </>
          ),
        }),
        column.accessor((d) => (d.oldPolicy ? -1 : (d.policyVersion ?? -2)), {
          id: 'policy',
          header: t('table.policy'),
          cell: ({ row: { original: d } }) => (
            <>
              <span>
                {d.policyVersion === null
                  ? t('table.noPolicy')
                  : d.currentPolicyVersion === null
                    ? t('table.policyApplied', { applied: d.policyVersion })
                    : t('table.policyOf', { applied: d.policyVersion, current: d.currentPolicyVersion })}
              </span>
              {d.oldPolicy && <span className="device-badge device-badge-warn">{t('table.oldPolicy')}</span>}
            </>
          ),
        }),
        column.accessor('tamperCount', {
          id: 'tamper',
          header: t('table.tamper', { days: tamperDays }),
          cell: ({ row: { original: d } }) =>
            d.tamperCount === 0 ? (
              <span className="devices-muted">{t('table.noTamper')}</span>
            ) : (
              <>
                <span className="device-badge device-badge-danger">
                  {t('table.tamperCount', { count: d.tamperCount })}
                </span>
                <span className="devices-muted">
                  {t(`tamperWhat.${tamperKind(d.lastTamperWhat)}`)}
                  {d.lastTamperAt && ` · ${format.relative(d.lastTamperAt)}`}
                </span>
              </>
            ),
        }),
      ] as Array<ColumnDef<DeviceHealthRow, unknown>>,
    [t, format, dayMinutes, newest, tamperDays],
  );
}

/** The tamper reasons the console has words for; anything else is "other". */
export function tamperKind(what: string | null): TamperKind {
  return (TAMPER_KINDS as readonly string[]).includes(what ?? '') ? (what as TamperKind) : 'other';
}
