import { useTranslation } from 'react-i18next';

export function DevicesPage() {
  const { t } = useTranslation('devices');
  return (
    <section aria-labelledby="devices-heading">
      <h1 id="devices-heading">{t('title')}</h1>
    </section>
  );
}
