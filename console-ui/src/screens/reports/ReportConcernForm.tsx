import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useDigestLines, useReportConcern } from './concerns-api';
import { useReportLabels } from './labels';

/**
 * The weekly check's action: any line of the week's digest reported to the head teacher, with a
 * note. `preselect` is the line an e-mailed digest's link pointed at.
 */
export function ReportConcernForm({ weekStart, preselect }: { weekStart: string; preselect: number | null }) {
  const { t } = useTranslation('reports');
  const labels = useReportLabels();
  const lines = useDigestLines(weekStart, labels.lang, true);
  const report = useReportConcern();
  const [line, setLine] = useState('');
  const [note, setNote] = useState('');

  // A new week (or its lines arriving) starts the form afresh.
  const { reset } = report;
  useEffect(() => {
    reset();
    setNote('');
    const chosen = preselect !== null ? lines.data?.[preselect] : undefined;
    setLine(chosen ?? '');
  }, [weekStart, preselect, lines.data, reset]);

  function submit(e: FormEvent) {
    e.preventDefault();
    report.mutate({ weekStart, line, ...(note.trim() ? { note } : {}) });
  }

  return (
    <form className="concern-form" aria-labelledby="concern-heading" onSubmit={submit}>
      <h3 id="concern-heading">{t('concern.heading')}</h3>
      <p>{t('concern.intro')}</p>
      {lines.isError && (
        <p role="alert" className="error">
          {t('concern.noLines', { message: lines.error.message })}
        </p>
      )}
      <p>
        <label htmlFor="concern-line">{t('concern.line')}</label>
        <br />
        <select id="concern-line" required value={line} onChange={(e) => setLine(e.target.value)}>
          <option value="">{t('concern.choose')}</option>
          {(lines.data ?? []).map((l) => (
            <option key={l} value={l}>
              {l}
            </option>
          ))}
        </select>
      </p>
      <p>
        <label htmlFor="concern-note">{t('concern.note')}</label>
        <br />
        <textarea
          id="concern-note"
          aria-describedby="concern-note-hint"
          rows={3}
          maxLength={2000}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
        <br />
        <span id="concern-note-hint" className="hint">
          {t('concern.noteHint')}
        </span>
      </p>
      {report.isError && (
        <p role="alert" className="error">
          {report.error.message}
        </p>
      )}
      {report.isSuccess && (
        <p role="status" data-testid="concern-sent">
          {t('concern.sent', { names: report.data.reportedTo.map((r) => r.name).join(', ') })}
        </p>
      )}
      <button type="submit" disabled={report.isPending || !line}>
        {report.isPending ? t('concern.sending') : t('concern.submit')}
      </button>
    </form>
  );
}
