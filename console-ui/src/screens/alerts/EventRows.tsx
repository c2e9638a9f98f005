import { useTranslation } from 'react-i18next';
import type { StoredEvent } from '@waymark/shared';
import { descriptionParts } from '../live/raise-incident';
import { useAlertFormat } from './format';

/** What an event was, in a few words: the search, the title, the address, and the phrase that matched. */
function EventDetail({ event }: { event: StoredEvent }) {
  const { t } = useTranslation('alerts');
  const words = descriptionParts(event);
  const matches = Array.isArray(event.details.matches)
    ? (event.details.matches as Array<{ phrase?: unknown }>).filter((m) => typeof m.phrase === 'string')
    : [];
  const main = event.urlHidden
    ? t('detail.hidden')
    : words.query
      ? `“${words.query}”`
      : words.title
        ? `“${words.title}”`
        : (event.url ?? (words.reason || words.message || words.detail));
  return (
    <>
      <span className="alert-event-main">{main}</span>
      {matches.slice(0, 1).map((m) => (
        <span key={String(m.phrase)} className="alert-event-match">
          {t('detail.flagged', { phrase: String(m.phrase) })}
        </span>
      ))}
    </>
  );
}

const flaggedBy = (event: StoredEvent) =>
  Array.isArray(event.details.matches) && event.details.matches.length > 0;

/** What the DSL can do with a flagged event here: mark it as a false positive, once. */
interface FalsePositiveMarking {
  marked: ReadonlySet<string>;
  /** Absent: this person may not mark events. */
  mark?: (eventId: string) => void;
  pending: boolean;
}

/** A table of events, newest first: time, kind and risk, what it was, and the false-positive mark. */
export function EventRows({
  events,
  caption,
  testId,
  falsePositives,
}: {
  events: StoredEvent[];
  caption: string;
  testId: string;
  falsePositives: FalsePositiveMarking;
}) {
  const { t } = useTranslation('alerts');
  const live = useTranslation('live').t;
  const f = useAlertFormat();
  return (
    <div className="alerts-table-scroll">
      <table className="alerts-table" data-testid={testId}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('detail.time')}</th>
            <th scope="col">{t('detail.kind')}</th>
            <th scope="col">{t('detail.detail')}</th>
          </tr>
        </thead>
        <tbody>
          {events.map((e) => (
            <tr key={e.id}>
              <td>
                <time dateTime={e.occurredAt}>{f.when(e.occurredAt)}</time>
              </td>
              <td>
                {live(`kinds.${e.kind}`)}{' '}
                <span className={`alert-severity severity-${e.severity}`}>{t(`severity.${e.severity}`)}</span>
              </td>
              <td className="alert-event">
                <EventDetail event={e} />
                {flaggedBy(e) &&
                  (falsePositives.marked.has(e.id) ? (
                    <span className="alert-event-marked">{t('falsePositive.marked')}</span>
                  ) : (
                    falsePositives.mark && (
                      <button
                        type="button"
                        className="secondary alert-false-positive"
                        disabled={falsePositives.pending}
                        aria-label={t('falsePositive.label', { time: f.when(e.occurredAt) })}
                        onClick={() => falsePositives.mark!(e.id)}
                      >
                        {t('falsePositive.button')}
                      </button>
                    )
                  ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
