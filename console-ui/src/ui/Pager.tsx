/** The words a pager shows, in the screen's language. */
export interface PagerText {
  /** The navigation landmark's name. */
  label: string;
  previous: string;
  next: string;
  /** "Page 2 of 5". */
  page: string;
}

/** Previous and next buttons around "page n of m"; nothing while everything fits on one page. */
export function Pager({
  className,
  pages,
  canPrevious,
  canNext,
  onPrevious,
  onNext,
  text,
}: {
  className: string;
  pages: number;
  canPrevious: boolean;
  canNext: boolean;
  onPrevious: () => void;
  onNext: () => void;
  text: PagerText;
}) {
  if (pages <= 1) return null;
  return (
    <nav className={className} aria-label={text.label}>
      <button type="button" className="secondary" onClick={onPrevious} disabled={!canPrevious}>
        {text.previous}
      </button>
      <span>{text.page}</span>
      <button type="button" className="secondary" onClick={onNext} disabled={!canNext}>
        {text.next}
      </button>
    </nav>
  );
}

/** A pager for a TanStack table's own pagination. */
export function TablePager({
  table,
  className,
  text,
}: {
  table: {
    getPageCount: () => number;
    getCanPreviousPage: () => boolean;
    getCanNextPage: () => boolean;
    previousPage: () => void;
    nextPage: () => void;
  };
  className: string;
  text: PagerText;
}) {
  return (
    <Pager
      className={className}
      pages={table.getPageCount()}
      canPrevious={table.getCanPreviousPage()}
      canNext={table.getCanNextPage()}
      onPrevious={() => table.previousPage()}
      onNext={() => table.nextPage()}
      text={text}
    />
  );
}
