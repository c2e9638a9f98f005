import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { reportEndpoints } from './api';
import { useReportLabels } from './labels';
import { addDays, isIsoDate, localToday, mondayOf } from './periods';

/**
 * The weekly digest the DSLs are e-mailed, as the server renders it (the same page, so what is on
 * screen is what was sent), for any week, in the console's language.
 */
export function DigestView() {
  const { t } = useTranslation('reports');
  const labels = useReportLabels();
  const [search, setSearch] = useSearchParams();
  const thisMonday = mondayOf(localToday());
  const asked = search.get('week');
  const week = isIsoDate(asked) && mondayOf(asked) <= thisMonday ? mondayOf(asked) : addDays(thisMonday, -7);
  const src = reportEndpoints.digestUrl({ from: week, to: addDays(week, 7) }, labels.lang);
  const frame = useRef<HTMLIFrameElement>(null);

  const go = (monday: string) => setSearch({ week: monday }, { replace: true });
  /** The digest is on this server, so its height can be read and the frame made to fit it. */
  function fit() {
    const doc = frame.current?.contentDocument;
    if (frame.current && doc?.documentElement) {
      frame.current.style.height = `${doc.documentElement.scrollHeight + 8}px`;
    }
  }

  return (
    <section aria-labelledby="digest-title" className="report-digest">
      <h2 id="digest-title">{t('digest.heading')}</h2>
      <p>{t('digest.intro')}</p>
      <div className="report-digest-nav">
        <button type="button" className="secondary" onClick={() => go(addDays(week, -7))}>
          {t('digest.previous')}
        </button>
        <p aria-live="polite" className="report-digest-week">
          {t('digest.weekOf', { date: labels.longDate(week) })}
          {week === thisMonday && <> ({t('digest.soFar')})</>}
        </p>
        <button
          type="button"
          className="secondary"
          disabled={week >= thisMonday}
          onClick={() => go(addDays(week, 7))}
        >
          {t('digest.next')}
        </button>
        <a href={src} target="_blank" rel="noopener noreferrer">
          {t('digest.open')}
          <span className="visually-hidden"> ({t('digest.newTab')})</span>
        </a>
      </div>
      <iframe
        key={src}
        ref={frame}
        src={src}
        title={t('digest.frameTitle', { date: labels.longDate(week) })}
        className="report-digest-frame"
        onLoad={fit}
      />
    </section>
  );
}
