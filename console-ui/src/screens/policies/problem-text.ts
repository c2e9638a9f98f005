import { useTranslation } from 'react-i18next';
import type { Category } from '@waymark/shared';
import type { DraftField, DraftProblem } from './policy-form';

/** The element a problem's link in the error summary goes to. */
export function fieldId(field: DraftField): string {
  return field.startsWith('category-') ? field : `policy-${field}`;
}

/** Problems as sentences, and the name of the field each is about. */
export function useProblemText() {
  const { t } = useTranslation('policies');
  const message = (p: DraftProblem) => t(`problems.${p.key}`, p.values);
  const fieldName = (field: DraftField): string | null => {
    switch (field) {
      case 'allow':
        return t('edit.allowLabel');
      case 'block':
        return t('edit.blockLabel');
      case 'allowedAddresses':
        return t('edit.allowedAddressesLabel');
      case 'mirrors':
        return t('edit.mirrorsLegend');
      case 'timeZone':
        return t('edit.timeZone');
      case 'reason':
        return t('edit.reasonShort');
      case 'form':
        return null;
      default:
        return t(`categories.${field.slice('category-'.length) as Category}`);
    }
  };
  return { message, fieldName };
}
