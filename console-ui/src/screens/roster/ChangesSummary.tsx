import { useTranslation } from 'react-i18next';
import type { RosterChanges } from '@waymark/shared';

const COUNTS = {
  oneroster: [
    'pupilsAdded',
    'pupilsMoved',
    'pupilsLeaving',
    'pupilsUnchanged',
    'groupsAdded',
    'groupsEnded',
    'teachersAdded',
    'enrollments',
    'terms',
  ],
  timetable: ['lessons'],
} as const;

/** A preview (or what was applied): counts, examples, and every bad line by file and number. */
export function ChangesSummary({ changes, id }: { changes: RosterChanges; id: string }) {
  const { t } = useTranslation('roster');
  const s = changes.samples;
  return (
    <div className="roster-changes">
      <h3 id={`${id}-title`}>{changes.applied ? t('changes.appliedTitle') : t('changes.title')}</h3>
      {changes.org && changes.version && (
        <p>{t('changes.version', { version: changes.version, org: changes.org.name })}</p>
      )}
      <table aria-labelledby={`${id}-title`}>
        <tbody>
          {COUNTS[changes.kind].map((key) => (
            <tr key={key}>
              <th scope="row">{t(`changes.${key}`)}</th>
              <td>{changes.counts[key].toLocaleString('en-GB')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {(s.pupilsAdded.length > 0 ||
        s.pupilsMoved.length > 0 ||
        s.pupilsLeaving.length > 0 ||
        s.groupsAdded.length > 0 ||
        s.groupsEnded.length > 0) && (
        <details>
          <summary>{t('changes.examples')}</summary>
          {(['pupilsAdded', 'pupilsLeaving', 'groupsAdded', 'groupsEnded'] as const).map(
            (key) =>
              s[key].length > 0 && (
                <div key={key}>
                  <h4>{t(`changes.${key}`)}</h4>
                  <p>{s[key].join(', ')}</p>
                </div>
              ),
          )}
          {s.pupilsMoved.length > 0 && (
            <div>
              <h4>{t('changes.pupilsMoved')}</h4>
              <ul>
                {s.pupilsMoved.map((m) => (
                  <li key={m.name}>{t('changes.moved', m)}</li>
                ))}
              </ul>
            </div>
          )}
        </details>
      )}
      {changes.errors.length > 0 && (
        <div role="alert">
          <p>
            <strong>{t('errors.title', { count: changes.errors.length })}</strong>
          </p>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('errors.file')}</th>
                <th scope="col">{t('errors.line')}</th>
                <th scope="col">{t('errors.error')}</th>
              </tr>
            </thead>
            <tbody>
              {changes.errors.slice(0, 500).map((e, i) => (
                <tr key={i}>
                  <td>{e.file}</td>
                  <td>{e.line}</td>
                  <td>{e.error}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
