import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { localToday, periodFromSearch, periodSearch, type Period, type Preset } from './periods';

/** The report's period, kept in the address so a reload, a link or a printout shows the same. */
export function usePeriod() {
  const [search, setSearch] = useSearchParams();
  const { preset, period } = useMemo(() => periodFromSearch(search, localToday()), [search]);
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
  return { preset, period, setPeriod, searchString };
}
