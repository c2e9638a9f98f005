import { useTranslation } from 'react-i18next';
import type { DeployStatus, ExtensionRelease } from '@waymark/shared';
import { ScrollRegion } from '../../ui/ScrollRegion';

/** Day/month/year and a 24-hour time: the same in English and Welsh (browsers may lack Welsh month names). */
const formatDate = (iso: string) =>
  new Intl.DateTimeFormat('en-GB', { dateStyle: 'short', timeStyle: 'short' }).format(new Date(iso));

/** What this server offers devices: the signed packages, or how to make the first one. */
export function PackageStatus({ status }: { status: DeployStatus }) {
  const { t } = useTranslation('deploy');
  const newest = (release: ExtensionRelease) => status.latest[release.browser]?.fileName === release.fileName;
  return (
    <section aria-labelledby="deploy-package-heading" className="deploy-block">
      <h3 id="deploy-package-heading">{t('package.heading')}</h3>
      {status.releases.length === 0 ? (
        <div className="deploy-notice">
          <p>{t('package.empty', { id: status.extensionId })}</p>
          <pre className="deploy-command">
            <code>npm run package -- --key /secure/place/school-key.pem</code>
          </pre>
          <p>{t('package.firstTime')}</p>
        </div>
      ) : (
        <>
          <p>{t('package.publishedId', { id: status.extensionId })}</p>
          <ScrollRegion className="deploy-table-wrap" label={t('package.caption')}>
            <table className="deploy-table">
              <caption>{t('package.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('package.browser')}</th>
                  <th scope="col">{t('package.version')}</th>
                  <th scope="col">{t('package.published')}</th>
                  <th scope="col">{t('package.packageUpdateUrl')}</th>
                </tr>
              </thead>
              <tbody>
                {status.releases.map((release) => (
                  <tr key={release.fileName}>
                    <th scope="row">{t(`browsers.${release.browser}`)}</th>
                    <td>
                      {release.version}
                      {newest(release) && (
                        <>
                          {' '}
                          <span className="deploy-tag">{t('package.newest')}</span>
                        </>
                      )}
                    </td>
                    <td>{formatDate(release.publishedAt)}</td>
                    <td className="deploy-break">
                      {release.manifestUpdateUrl ? (
                        <code>{release.manifestUpdateUrl}</code>
                      ) : (
                        t('package.none')
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
          <p>{t('package.updates', { url: `${status.serverUrl}/extension/update.xml` })}</p>
        </>
      )}
      {status.problems.length > 0 && (
        <div className="deploy-notice deploy-notice-warning" role="alert">
          <p>
            <strong>{t('package.problems')}</strong>
          </p>
          <ul lang="en">
            {status.problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
