import type { ReactNode } from 'react';

/** What a field's control is given: its id, and the hint and problem that describe it. */
export interface FieldControl {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
}

/**
 * A labelled control with an optional hint and an optional problem (what is wrong with what was
 * typed). The hint's id is `<id>-hint`, the problem's `<id>-problem`; the control is described by
 * both. `hintFirst` puts the hint and problem between the label and the control (read before it).
 */
export function Field({
  id,
  label,
  hint,
  problem,
  className = 'field',
  hintClassName,
  problemClassName = 'error',
  hasProblemClassName,
  hintFirst = false,
  children,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  problem?: ReactNode;
  className?: string;
  hintClassName?: string;
  problemClassName?: string;
  /** Added to the field's class while it has a problem. */
  hasProblemClassName?: string;
  hintFirst?: boolean;
  children: (control: FieldControl) => ReactNode;
}) {
  const hintId = hint ? `${id}-hint` : undefined;
  const problemId = problem ? `${id}-problem` : undefined;
  const describedBy = [hintId, problemId].filter(Boolean).join(' ') || undefined;
  const Text = hintFirst ? 'p' : 'span';
  const notes = (
    <>
      {hint && (
        <Text id={hintId} className={hintClassName}>
          {hint}
        </Text>
      )}
      {problem && (
        <Text id={problemId} className={problemClassName}>
          {problem}
        </Text>
      )}
    </>
  );
  const control = children({
    id,
    'aria-describedby': describedBy,
    ...(problem ? { 'aria-invalid': true } : {}),
  });
  return (
    <div className={problem && hasProblemClassName ? `${className} ${hasProblemClassName}` : className}>
      <label htmlFor={id}>{label}</label>
      {hintFirst ? notes : control}
      {hintFirst ? control : notes}
    </div>
  );
}
