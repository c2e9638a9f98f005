import { useTranslation } from 'react-i18next';
import { CATEGORIES, type Category } from '@waymark/shared';
import { Field } from '../../ui/Field';

/** A labelled choice of one of Waymark's categories (imports, feeds, keyword lists). */
export function CategorySelect({
  id,
  label,
  value,
  onChange,
}: {
  id: string;
  label: string;
  value: Category;
  onChange: (category: Category) => void;
}) {
  const { t } = useTranslation('policies');
  return (
    <Field id={id} label={label} className="pol-field">
      {(control) => (
        <select {...control} value={value} onChange={(e) => onChange(e.target.value as Category)}>
          {CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {t(`categories.${c}`)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
