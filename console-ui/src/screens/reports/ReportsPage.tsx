import { useTranslation } from 'react-i18next';

export function ReportsPage() {
  const { t } = useTranslation('reports');
  return (
    <section aria-labelledby="reports-heading">
      <h1 id="reports-heading">{t('title')}</h1>
    </section>
  );
}
