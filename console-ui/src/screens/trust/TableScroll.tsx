import type { ReactNode } from 'react';

/**
 * A wide table scrolls inside its own box on a narrow screen; the box takes keyboard focus so it
 * can be scrolled without a mouse, and is named after its table.
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="trust-table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
