import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { DraftProblem } from './policy-form';
import { fieldId, useProblemText } from './problem-text';

/**
 * Every problem in one place at the top of the form, each linking to its field. It takes focus
 * after each attempt to save (`attempt` counts them), not while the person is fixing things.
 */
export function ErrorSummary({ problems, attempt }: { problems: DraftProblem[]; attempt: number }) {
  const { t } = useTranslation('policies');
  const { message, fieldName } = useProblemText();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (attempt > 0) ref.current?.focus();
  }, [attempt]);
  if (problems.length === 0) return null;
  return (
    <div
      className="pol-error-summary"
      role="alert"
      tabIndex={-1}
      ref={ref}
      aria-labelledby="problems-heading"
    >
      <h2 id="problems-heading">{t('problems.heading')}</h2>
      <ul>
        {problems.map((p, i) => {
          const field = fieldName(p.field);
          const text = field ? t('problems.inField', { field, message: message(p) }) : message(p);
          return <li key={i}>{p.field === 'form' ? text : <a href={`#${fieldId(p.field)}`}>{text}</a>}</li>;
        })}
      </ul>
    </div>
  );
}

/** The problems of one field, beside it. */
export function FieldProblems({ id, problems }: { id: string; problems: DraftProblem[] }) {
  const { message } = useProblemText();
  if (problems.length === 0) return null;
  return (
    <ul className="pol-field-problems" id={id}>
      {problems.map((p, i) => (
        <li key={i}>{message(p)}</li>
      ))}
    </ul>
  );
}
