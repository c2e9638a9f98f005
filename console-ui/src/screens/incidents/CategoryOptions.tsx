import { useTranslation } from 'react-i18next';
import { CATEGORIES, INCIDENT_KINDS } from '@waymark/shared';

/** Incident kinds that are about conduct or contact, not a filtering category. */
const CONDUCT_KINDS = INCIDENT_KINDS.filter((k) => !(CATEGORIES as readonly string[]).includes(k));

/** The options of an incident-category select: filtering categories, then conduct and contact. */
export function CategoryOptions() {
  const { t } = useTranslation('incidents');
  return (
    <>
      <optgroup label={t('categoryGroups.content')}>
        {CATEGORIES.map((c) => (
          <option key={c} value={c}>
            {t(`categories.${c}`)}
          </option>
        ))}
      </optgroup>
      <optgroup label={t('categoryGroups.conduct')}>
        {CONDUCT_KINDS.map((c) => (
          <option key={c} value={c}>
            {t(`categories.${c}`)}
          </option>
        ))}
      </optgroup>
    </>
  );
}
