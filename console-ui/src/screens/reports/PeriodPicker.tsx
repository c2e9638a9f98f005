import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_REPORT_DAYS } from '@waymark/shared';
import { useReportLabels } from './labels';
import { addDays, isIsoDate, lastDay, localToday, PRESETS, presetPeriod, type Preset } from './periods';
import { usePeriod } from './use-period';

const daysBetween = (from: string, until: string) =>
  (Date.parse(`${until}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000 + 1;

/** This week, the last four weeks, this term, or any dates: the period every report covers. */
export function PeriodPicker() {
  const { t } = useTranslation('reports');
  const labels = useReportLabels();
  const { preset, period, setPeriod, terms } = usePeriod();
  const [from, setFrom] = useState(period.from);
  const [until, setUntil] = useState(lastDay(period));
  const [error, setError] = useState<string | null>(null);
  const id = useId();

  useEffect(() => {
    setFrom(period.from);
    setUntil(lastDay(period));
  }, [period]);

  function choose(next: Preset) {
    setError(null);
    if (next === 'custom') setPeriod('custom', period);
    else setPeriod(next, presetPeriod(next, localToday(), terms));
  }

  function showCustom(e: FormEvent) {
    e.preventDefault();
    if (!isIsoDate(from) || !isIsoDate(until) || until < from || daysBetween(from, until) > MAX_REPORT_DAYS) {
      setError(t('period.invalid', { days: MAX_REPORT_DAYS }));
      return;
    }
    setError(null);
    setPeriod('custom', { from, to: addDays(until, 1) });
  }

  return (
    <form className="period-picker" onSubmit={showCustom} aria-describedby={`${id}-showing`}>
      <fieldset>
        <legend>{t('period.legend')}</legend>
        <div className="period-presets">
          {PRESETS.map((p) => (
            <label key={p} className="period-preset">
              <input
                type="radio"
                name={`${id}-preset`}
                value={p}
                checked={p === preset}
                onChange={() => choose(p)}
              />
              <span>{t(`period.${p}`)}</span>
            </label>
          ))}
        </div>
      </fieldset>
      {preset === 'custom' && (
        <div className="period-custom">
          <label>
            {t('period.from')}
            <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} required />
          </label>
          <label>
            {t('period.until')}
            <input type="date" value={until} onChange={(e) => setUntil(e.target.value)} required />
          </label>
          <button type="submit">{t('period.show')}</button>
        </div>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <p className="period-showing" id={`${id}-showing`} aria-live="polite">
        {t('period.showing', { from: labels.longDate(period.from), until: labels.longDate(lastDay(period)) })}
      </p>
    </form>
  );
}
