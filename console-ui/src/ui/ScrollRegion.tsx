import type { ReactNode } from 'react';

/**
 * Something wider or taller than its box (a wide table, a long list): it scrolls on its own, and
 * as a named, focusable region a keyboard user can scroll it too. Named by `label`, or by the
 * element `labelledBy` names (a table's caption).
 */
export function ScrollRegion({
  className,
  label,
  labelledBy,
  children,
}: {
  className: string;
  children: ReactNode;
} & ({ label: string; labelledBy?: never } | { labelledBy: string; label?: never })) {
  return (
    <div className={className} role="region" aria-label={label} aria-labelledby={labelledBy} tabIndex={0}>
      {children}
    </div>
  );
}
