import { useTranslation } from 'react-i18next';

export function IncidentsPage() {
  const { t } = useTranslation('incidents');
  return (
    <section aria-labelledby="incidents-heading">
      <h1 id="incidents-heading">{t('title')}</h1>
    </section>
  );
}
