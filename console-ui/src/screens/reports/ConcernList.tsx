import { useTranslation } from 'react-i18next';
import type { ConcernReport } from '@waymark/shared';
import { useReportLabels } from './labels';

/** Concerns reported from the weekly check: the line, the note, who reported it, when, to whom. */
export function ConcernList({ concerns, showWeek }: { concerns: ConcernReport[]; showWeek: boolean }) {
  const { t } = useTranslation('reports');
  const labels = useReportLabels();
  return (
    <ul className="concern-list" data-testid="concern-list">
      {concerns.map((c) => (
        <li key={c.id}>
          <blockquote>{c.line}</blockquote>
          {c.note && <p className="concern-note">{c.note}</p>}
          <p className="concern-who">
            {showWeek && <>{t('digest.weekOf', { date: labels.longDate(c.weekStart) })} · </>}
            {t('concerns.by', {
              name: c.reportedByName,
              date: labels.dateTime(c.createdAt),
              to: c.reportedTo.map((r) => r.name).join(', '),
            })}
          </p>
        </li>
      ))}
    </ul>
  );
}
