import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Period } from './api';

/** The period the figures cover: two dates, applied together. */
export function PeriodForm({
  from,
  to,
  onChange,
}: {
  from: string;
  to: string;
  onChange: (p: Period) => void;
}) {
  const { t } = useTranslation('trust');
  const [draft, setDraft] = useState({ from, to });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onChange(draft);
  };
  return (
    <form className="trust-period" onSubmit={submit}>
      <fieldset>
        <legend>{t('period.legend')}</legend>
        <label>
          {t('period.from')}
          <input
            type="date"
            value={draft.from}
            max={draft.to}
            onChange={(e) => setDraft((d) => ({ ...d, from: e.target.value }))}
            required
          />
        </label>
        <label>
          {t('period.to')}
          <input
            type="date"
            value={draft.to}
            min={draft.from}
            onChange={(e) => setDraft((d) => ({ ...d, to: e.target.value }))}
            required
          />
        </label>
        <button type="submit">{t('period.show')}</button>
      </fieldset>
    </form>
  );
}
