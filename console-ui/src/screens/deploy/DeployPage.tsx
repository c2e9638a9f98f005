import { useTranslation } from 'react-i18next';

export function DeployPage() {
  const { t } = useTranslation('deploy');
  return (
    <section aria-labelledby="deploy-heading">
      <h1 id="deploy-heading">{t('title')}</h1>
    </section>
  );
}
