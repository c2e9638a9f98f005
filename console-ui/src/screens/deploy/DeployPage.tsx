import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { deployApi, deployKeys } from './api';
import { DeviceVersions } from './DeviceVersions';
import { PackageStatus } from './PackageStatus';
import { PolicyMaker } from './PolicyMaker';
import { ProxyChoiceForm } from './ProxyChoiceForm';
import './deploy.css';

/** Devices › Deploy: what is published, what devices run, and the policy files that put Waymark on them. */
export function DeployPage() {
  const { t } = useTranslation('deploy');
  const status = useQuery({
    queryKey: deployKeys.status,
    queryFn: deployApi.status,
    refetchInterval: 60_000,
  });
  return (
    <section aria-labelledby="deploy-heading" className="deploy">
      <h2 id="deploy-heading">{t('title')}</h2>
      <p className="deploy-lead">{t('intro')}</p>
      <p className="deploy-lead">{t('guide')}</p>
      {status.isPending && <p role="status">{t('loading')}</p>}
      {status.isError && (
        <p role="alert" className="deploy-error">
          {t('loadFailed', { message: status.error.message })}
        </p>
      )}
      {status.data && (
        <>
          <PackageStatus status={status.data} />
          <DeviceVersions status={status.data} />
          <ProxyChoiceForm saved={status.data.proxy} />
          <PolicyMaker status={status.data} />
        </>
      )}
    </section>
  );
}
