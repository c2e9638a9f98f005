import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { useSchoolTerms } from './api';
import { localToday, periodFromSearch, periodSearch, type Period, type Preset } from './periods';

/** The report's period, kept in the address so a reload, a link or a printout shows the same. */
export function usePeriod() {
  const [search, setSearch] = useSearchParams();
  // The school's own terms for "this term" (estimated until they arrive, or when it gave none).
  const terms = useSchoolTerms();
  const { preset, period } = useMemo(() => periodFromSearch(search, localToday(), terms), [search, terms]);
  const setPeriod = useCallback(
    (nextPreset: Preset, nextPeriod: Period) => {
      setSearch(
        (current) => {
          const next = new URLSearchParams(current);
          for (const key of ['period', 'from', 'until']) next.delete(key);
          for (const [key, value] of Object.entries(periodSearch(nextPreset, nextPeriod)))
            next.set(key, value);
          return next;
        },
        { replace: true },
      );
    },
    [setSearch],
  );
  /** `?period=…` for links that keep this period (to the pupils report and back). */
  const searchString = new URLSearchParams(periodSearch(preset, period)).toString();
  return { preset, period, setPeriod, searchString, terms };
}
