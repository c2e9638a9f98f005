import type { ReactNode } from 'react';

/**
 * A table that may be wider than a tablet's screen: it scrolls sideways on its own, and as a
 * labelled, focusable region a keyboard user can scroll it too.
 */
export function TableRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="deploy-table-wrap" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
