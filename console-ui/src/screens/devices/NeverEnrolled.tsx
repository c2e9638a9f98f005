import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { DeviceHealthReport } from '@waymark/shared';
import { deviceKeys, devicesApi } from './api';
import { InventoryImport } from './InventoryImport';
import { useDeviceFormatters } from './format';
import { ScrollRegion } from '../../ui/ScrollRegion';

/** Devices on the school's asset register that have never connected, and the register's import. */
export function NeverEnrolled({ report }: { report: DeviceHealthReport }) {
  const { t } = useTranslation('devices');
  const format = useDeviceFormatters();
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: devicesApi.removeExpected,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: deviceKeys.health() }),
  });
  const { neverEnrolled, summary } = report;
  return (
    <section aria-labelledby="never-enrolled-heading" className="health-section" id="never-enrolled">
      <h3 id="never-enrolled-heading">
        {t('health.neverEnrolled.title')}{' '}
        <span className={neverEnrolled.length > 0 ? 'device-count has-problem' : 'device-count'}>
          {neverEnrolled.length}
        </span>
      </h3>
      <p>{t('health.neverEnrolled.explain')}</p>
      {summary.expected === 0 ? (
        <p className="devices-notice">{t('health.neverEnrolled.noInventory')}</p>
      ) : neverEnrolled.length === 0 ? (
        <p className="devices-ok">{t('health.neverEnrolled.allEnrolled', { count: summary.expected })}</p>
      ) : (
        <>
          <p className="devices-muted">
            {t('health.neverEnrolled.action', {
              missing: format.number(neverEnrolled.length),
              expected: format.number(summary.expected),
            })}
          </p>
          {remove.isError && (
            <p role="alert" className="error">
              {remove.error.message}
            </p>
          )}
          <ScrollRegion
            className="devices-table-scroll never-enrolled-scroll"
            labelledBy="never-enrolled-caption"
          >
            <table className="devices-table">
              <caption id="never-enrolled-caption" className="devices-visually-hidden">
                {t('health.neverEnrolled.caption')}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('health.neverEnrolled.assetTag')}</th>
                  <th scope="col">{t('health.neverEnrolled.name')}</th>
                  <th scope="col">{t('health.neverEnrolled.imported')}</th>
                  <th scope="col">
                    <span className="devices-visually-hidden">{t('health.neverEnrolled.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {neverEnrolled.map((d) => (
                  <tr key={d.assetTag} data-testid="never-enrolled-row">
                    <th scope="row" className="device-ip">
                      {d.assetTag}
                    </th>
                    <td>{d.name}</td>
                    <td>{format.dateTime(d.importedAt)}</td>
                    <td>
                      <button
                        type="button"
                        className="secondary small"
                        disabled={remove.isPending}
                        onClick={() => remove.mutate(d.assetTag)}
                        aria-label={t('health.neverEnrolled.removeLabel', { tag: d.assetTag, name: d.name })}
                      >
                        {t('health.neverEnrolled.remove')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        </>
      )}
      <InventoryImport hasInventory={summary.expected > 0} />
    </section>
  );
}
