import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { can } from '@waymark/shared';
import { useSession } from '../../lib/session';
import { reportEndpoints } from './api';
import { ConcernList } from './ConcernList';
import { useConcerns } from './concerns-api';
import { useReportLabels } from './labels';
import { addDays, isIsoDate, localToday, mondayOf } from './periods';
import { ReportConcernForm } from './ReportConcernForm';
import { TechnicianCopySetting } from './TechnicianCopySetting';

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
  const role = useSession().data?.role;
  const concern = search.get('concern');
  const preselect = concern !== null && /^\d{1,3}$/.test(concern) ? Number(concern) : null;
  const reported = useConcerns(week, can(role, 'read-concern-reports'));

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
      {can(role, 'see-pupil-names-in-reports') && <TechnicianCopySetting />}
      {can(role, 'report-concerns') && <ReportConcernForm weekStart={week} preselect={preselect} />}
      {reported.data && (
        <section aria-labelledby="week-concerns-heading" className="week-concerns">
          <h3 id="week-concerns-heading">{t('concerns.thisWeek')}</h3>
          {reported.data.length === 0 ? (
            <p>{t('concerns.noneThisWeek')}</p>
          ) : (
            <ConcernList concerns={reported.data} showWeek={false} />
          )}
        </section>
      )}
    </section>
  );
}
