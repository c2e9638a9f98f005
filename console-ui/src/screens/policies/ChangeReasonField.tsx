import { useTranslation } from 'react-i18next';
import { Field } from '../../ui/Field';

/** The reason the change-control log records for an import, said before it runs. */
export function ChangeReasonField({
  id,
  value,
  onChange,
  missing,
}: {
  id: string;
  value: string;
  onChange: (reason: string) => void;
  /** The person tried to import without one. */
  missing: boolean;
}) {
  const { t } = useTranslation('policies');
  return (
    <Field
      id={id}
      label={t('imports.reason')}
      hint={t('imports.reasonHint')}
      problem={missing ? t('problems.reasonMissing') : undefined}
      className="pol-field"
      hintClassName="pol-hint"
      problemClassName="pol-field-problem"
      hasProblemClassName="pol-has-problems"
      hintFirst
    >
      {(control) => (
        <textarea {...control} rows={2} value={value} onChange={(e) => onChange(e.target.value)} />
      )}
    </Field>
  );
}
