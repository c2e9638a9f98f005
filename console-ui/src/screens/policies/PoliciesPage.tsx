import { useTranslation } from 'react-i18next';

export function PoliciesPage() {
  const { t } = useTranslation('policies');
  return (
    <section aria-labelledby="policies-heading">
      <h1 id="policies-heading">{t('title')}</h1>
    </section>
  );
}
