import { useTranslation } from 'react-i18next';
import { usePolicyAccess } from './access';
import { CategoryFeedsPanel } from './CategoryFeedsPanel';
import { CategoryImportForm } from './CategoryImportForm';
import { KeywordListsPanel } from './KeywordListsPanel';
import { PhraseCountsPanel } from './PhraseCountsPanel';
import { EditRefused } from './PoliciesLayout';

/** `/policies/imports`: the school's own category lists and search keyword lists. */
export function ImportsPage() {
  const { t } = useTranslation('policies');
  const { canEdit } = usePolicyAccess();
  if (!canEdit) return <EditRefused />;
  return (
    <section aria-labelledby="imports-heading">
      <h1 id="imports-heading">{t('imports.title')}</h1>
      <p className="pol-lead">{t('imports.intro')}</p>
      <CategoryFeedsPanel />
      <CategoryImportForm />
      <KeywordListsPanel />
      <PhraseCountsPanel />
    </section>
  );
}
