import { useTranslation } from 'react-i18next';
import type { DeployStatus } from '@waymark/shared';
import { ScrollRegion } from '../../ui/ScrollRegion';

/** Which extension versions the school's devices run, against the newest published package. */
export function DeviceVersions({ status }: { status: DeployStatus }) {
  const { t } = useTranslation('deploy');
  return (
    <section aria-labelledby="deploy-versions-heading" className="deploy-block">
      <h3 id="deploy-versions-heading">{t('versions.heading')}</h3>
      {status.versions.length === 0 ? (
        <p className="deploy-empty">{t('versions.empty')}</p>
      ) : (
        <ScrollRegion className="deploy-table-wrap" label={t('versions.caption')}>
          <table className="deploy-table deploy-versions">
            <caption>{t('versions.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('versions.version')}</th>
                <th scope="col" className="deploy-number">
                  {t('versions.devices')}
                </th>
                <th scope="col" className="deploy-number">
                  {t('versions.online')}
                </th>
                <th scope="col">{t('versions.state')}</th>
              </tr>
            </thead>
            <tbody>
              {status.versions.map((row) => (
                <tr key={row.version ?? 'none'}>
                  <th scope="row">{row.version ?? t('versions.unknownVersion')}</th>
                  <td className="deploy-number">{row.devices}</td>
                  <td className="deploy-number">{row.online}</td>
                  <td>
                    {row.version === null ? (
                      t('versions.unreported')
                    ) : row.current ? (
                      <span className="deploy-ok">{t('versions.current')}</span>
                    ) : (
                      <span className="deploy-due">{t('versions.behind')}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </section>
  );
}
