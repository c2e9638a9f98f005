import { useTranslation } from 'react-i18next';
import { isIllegalCategory, type StoredEvent } from '@waymark/shared';
import { useIncidentFormat } from './format';
import { ScrollRegion } from '../../ui/ScrollRegion';

/**
 * The device events linked to the incident. Addresses are shown as text, never as links: a
 * blocked page is not something to open from the log. An illegal-category address comes from the
 * server only for the DSL; everyone else sees that it is hidden and why.
 */
export function EvidenceTable({ evidence }: { evidence: StoredEvent[] }) {
  const { t } = useTranslation('incidents');
  const format = useIncidentFormat();
  return (
    <section aria-labelledby="incident-evidence-heading" className="incident-card">
      <h2 id="incident-evidence-heading">{t('evidence.title')}</h2>
      {evidence.length === 0 ? (
        <p className="muted">{t('evidence.none')}</p>
      ) : (
        <ScrollRegion className="table-scroll" labelledBy="incident-evidence-caption">
          <table className="incident-table evidence">
            <caption id="incident-evidence-caption">{t('evidence.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('evidence.when')}</th>
                <th scope="col">{t('evidence.what')}</th>
                <th scope="col">{t('evidence.device')}</th>
                <th scope="col">{t('evidence.page')}</th>
                <th scope="col">{t('evidence.why')}</th>
              </tr>
            </thead>
            <tbody>
              {evidence.map((e) => (
                <tr key={e.id} data-testid="evidence-row">
                  <td>{format.dateTime(e.occurredAt)}</td>
                  <td>{t(`evidence.kinds.${e.kind}`)}</td>
                  <td>{e.deviceName}</td>
                  <td className="url">
                    <EvidencePage event={e} />
                  </td>
                  <td>{e.category ? t(`categories.${e.category}`) : (e.rule ?? '')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </section>
  );
}

function EvidencePage({ event }: { event: StoredEvent }) {
  const { t } = useTranslation('incidents');
  if (event.urlHidden) {
    return (
      <span className="hidden-url">
        <strong>{t('evidence.hidden')}</strong>
        <span>{t('evidence.hiddenHint')}</span>
      </span>
    );
  }
  const query = typeof event.details.query === 'string' ? event.details.query : null;
  const title = typeof event.details.title === 'string' ? event.details.title : null;
  const message =
    typeof event.details.message === 'string' && event.details.message ? event.details.message : null;
  return (
    <>
      {query !== null && <span className="evidence-line">{t('evidence.search', { query })}</span>}
      {title !== null && <span className="evidence-line">{t('evidence.titled', { title })}</span>}
      {message !== null && <span className="evidence-line">{t('evidence.message', { message })}</span>}
      {event.url && query === null && (
        <>
          <code>{event.url}</code>
          {isIllegalCategory(event.category) && (
            <strong className="evidence-warning">{t('evidence.doNotOpen')}</strong>
          )}
        </>
      )}
    </>
  );
}
