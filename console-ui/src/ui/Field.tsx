import type { ReactNode } from 'react';
import './ui.css';

/** What a field's control is given: its id, and the hint and problem that describe it. */
export interface FieldControl {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
}

/**
 * What is wrong with what was typed: one sentence, or a list (one problem a line of a pasted
 * list). An empty list is no problem.
 */
export type FieldProblem = ReactNode | readonly ReactNode[];

function hasProblem(problem: FieldProblem): boolean {
  return Array.isArray(problem) ? problem.length > 0 : Boolean(problem);
}

function describedBy(...ids: (string | undefined)[]): string | undefined {
  return ids.filter(Boolean).join(' ') || undefined;
}

/** A problem beside its control: a paragraph (or span), or a list when there are several. */
function ProblemText({
  id,
  problem,
  className,
  as: Text,
}: {
  id: string;
  problem: FieldProblem;
  className: string;
  as: 'p' | 'span';
}) {
  if (Array.isArray(problem))
    return (
      <ul id={id} className={className}>
        {(problem as readonly ReactNode[]).map((p, i) => (
          <li key={i}>{p}</li>
        ))}
      </ul>
    );
  return (
    <Text id={id} className={className}>
      {problem as ReactNode}
    </Text>
  );
}

/**
 * A labelled control with an optional hint, an optional problem (what is wrong with what was
 * typed) and an optional note after the control (a count of what was typed). The hint's id is
 * `<id>-hint`, the problem's `<id>-problem`, the note's `<id>-note`; the control is described by
 * all three. `hintFirst` puts the hint and problem between the label and the control (read
 * before it).
 */
export function Field({
  id,
  label,
  hint,
  problem,
  note,
  className = 'field',
  hintClassName,
  problemClassName = 'error',
  noteClassName,
  hasProblemClassName,
  hintFirst = false,
  children,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  problem?: FieldProblem;
  note?: ReactNode;
  className?: string;
  hintClassName?: string;
  problemClassName?: string;
  noteClassName?: string;
  /** Added to the field's class while it has a problem. */
  hasProblemClassName?: string;
  hintFirst?: boolean;
  children: (control: FieldControl) => ReactNode;
}) {
  const invalid = hasProblem(problem);
  const hintId = hint ? `${id}-hint` : undefined;
  const problemId = invalid ? `${id}-problem` : undefined;
  const noteId = note ? `${id}-note` : undefined;
  const Text = hintFirst ? 'p' : 'span';
  const notes = (
    <>
      {hint && (
        <Text id={hintId} className={hintClassName}>
          {hint}
        </Text>
      )}
      {problemId && <ProblemText id={problemId} problem={problem} className={problemClassName} as={Text} />}
    </>
  );
  const control = children({
    id,
    'aria-describedby': describedBy(hintId, noteId, problemId),
    ...(invalid ? { 'aria-invalid': true } : {}),
  });
  return (
    <div className={invalid && hasProblemClassName ? `${className} ${hasProblemClassName}` : className}>
      <label htmlFor={id}>{label}</label>
      {hintFirst ? notes : control}
      {hintFirst ? control : notes}
      {note && (
        <Text id={noteId} className={noteClassName}>
          {note}
        </Text>
      )}
    </div>
  );
}

/**
 * A group of controls answering one question (radio buttons, a checklist) under its legend, with
 * an optional hint and problem that the group is described by (`<id>-hint`, `<id>-problem`). The
 * group carries `id`, so an error summary can link to it.
 */
export function FieldSet({
  id,
  legend,
  hint,
  problem,
  className,
  hintClassName,
  problemClassName = 'error',
  children,
}: {
  id: string;
  legend: ReactNode;
  hint?: ReactNode;
  problem?: FieldProblem;
  className?: string;
  hintClassName?: string;
  problemClassName?: string;
  children: ReactNode;
}) {
  const hintId = hint ? `${id}-hint` : undefined;
  const problemId = hasProblem(problem) ? `${id}-problem` : undefined;
  return (
    <fieldset id={id} className={className} aria-describedby={describedBy(hintId, problemId)}>
      <legend>{legend}</legend>
      {hint && (
        <p id={hintId} className={hintClassName}>
          {hint}
        </p>
      )}
      {problemId && <ProblemText id={problemId} problem={problem} className={problemClassName} as="p" />}
      {children}
    </fieldset>
  );
}

/**
 * A checkbox or radio button followed by its label (and an optional hint it is described by,
 * `<id>-hint`).
 */
export function CheckField({
  id,
  label,
  hint,
  className = 'checkbox',
  hintClassName,
  children,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  className?: string;
  hintClassName?: string;
  children: (control: FieldControl) => ReactNode;
}) {
  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <div className={className}>
      {children({ id, 'aria-describedby': hintId })} <label htmlFor={id}>{label}</label>
      {hint && (
        <span id={hintId} className={hintClassName}>
          {hint}
        </span>
      )}
    </div>
  );
}
