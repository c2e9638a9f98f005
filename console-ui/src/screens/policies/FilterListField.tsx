import { useTranslation } from 'react-i18next';
import { Field } from '../../ui/Field';
import { listLines, type DraftProblem } from './policy-form';
import { useProblemText } from './problem-text';

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
  const { message } = useProblemText();
  const count = listLines(value).length;
  return (
    <Field
      id={id}
      label={label}
      hint={hint}
      problem={problems.map(message)}
      note={t('edit.entries', { count })}
      className="pol-field pol-filter-list"
      hintClassName="pol-hint"
      problemClassName="pol-field-problems"
      noteClassName="pol-hint pol-count"
      hasProblemClassName="pol-has-problems"
      hintFirst
    >
      {(control) => (
        <textarea
          {...control}
          rows={Math.min(16, Math.max(6, count + 2))}
          spellCheck={false}
          autoCapitalize="off"
          autoCorrect="off"
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  );
}
