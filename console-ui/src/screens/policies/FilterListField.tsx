import { useTranslation } from 'react-i18next';
import { FieldProblems } from './ErrorSummary';
import { listLines, type DraftProblem } from './policy-form';

/** A list of URL filters, one per line, as a technician pastes them; problems name the line. */
export function FilterListField({
  id,
  label,
  hint,
  value,
  onChange,
  problems,
}: {
  id: string;
  label: string;
  hint: string;
  value: string;
  onChange: (value: string) => void;
  problems: DraftProblem[];
}) {
  const { t } = useTranslation('policies');
  const count = listLines(value).length;
  const describedBy = [`${id}-hint`, `${id}-count`, problems.length ? `${id}-problems` : null]
    .filter(Boolean)
    .join(' ');
  return (
    <div className={`pol-field pol-filter-list${problems.length ? ' pol-has-problems' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <p className="pol-hint" id={`${id}-hint`}>
        {hint}
      </p>
      <FieldProblems id={`${id}-problems`} problems={problems} />
      <textarea
        id={id}
        rows={Math.min(16, Math.max(6, count + 2))}
        spellCheck={false}
        autoCapitalize="off"
        autoCorrect="off"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={problems.length > 0 || undefined}
        aria-describedby={describedBy}
      />
      <p className="pol-hint pol-count" id={`${id}-count`}>
        {t('edit.entries', { count })}
      </p>
    </div>
  );
}
