import { useTranslation } from 'react-i18next';
import type { IncidentDetail } from '@waymark/shared';
import { useIncidentFormat } from './format';
import { describeHistory, type HistoryChange } from './history-entries';

/** The append-only history, oldest first: who, when, and each thing they changed. */
export function IncidentHistory({ detail }: { detail: IncidentDetail }) {
  const { t } = useTranslation('incidents');
  const format = useIncidentFormat();
  const items = describeHistory(detail.history);
  const staffName = (id: string | null) =>
    id === null ? t('history.nobody') : (detail.staffNames[id] ?? id);
  const day = (d: string | null) => (d ? format.day(d) : t('history.noDate'));

  const describe = (c: HistoryChange): string => {
    switch (c.kind) {
      case 'created':
        return t('history.created', {
          category: t(`categories.${c.category}`),
          severity: t(`severities.${c.severity}`).toLowerCase(),
        });
      case 'status':
        return t('history.status', { from: t(`statuses.${c.from}`), to: t(`statuses.${c.to}`) });
      case 'severity':
        return t('history.severity', { from: t(`severities.${c.from}`), to: t(`severities.${c.to}`) });
      case 'category':
        return t('history.category', { from: t(`categories.${c.from}`), to: t(`categories.${c.to}`) });
      case 'owner':
        return t('history.owner', { from: staffName(c.from), to: staffName(c.to) });
      case 'actionsAdded':
        return t('history.actionsAdded', { actions: c.actions.map((a) => t(`actions.${a}`)).join('; ') });
      case 'actionsRemoved':
        return t('history.actionsRemoved', { actions: c.actions.map((a) => t(`actions.${a}`)).join('; ') });
      case 'outcome':
        return c.text ? t('history.outcome', { text: c.text }) : t('history.outcomeCleared');
      case 'followUp':
        return t('history.followUp', { from: day(c.from), to: day(c.to) });
      case 'countersigned':
        return t('history.countersigned', { name: staffName(c.by) });
      case 'note':
        return t('history.note', { text: c.text });
    }
  };

  return (
    <section aria-labelledby="incident-history-heading" className="incident-card">
      <h2 id="incident-history-heading">{t('history.title')}</h2>
      <p className="muted">{t('history.intro')}</p>
      <ol className="incident-history">
        {items.map((item, index) => (
          <li key={index} data-testid="history-entry">
            <p className="history-meta">
              <time dateTime={item.at}>{format.dateTime(item.at)}</time> · <strong>{item.actorName}</strong>
            </p>
            <ul>
              {item.changes.length === 0 ? (
                <li>{t('history.unchanged')}</li>
              ) : (
                item.changes.map((c, i) => <li key={i}>{describe(c)}</li>)
              )}
            </ul>
          </li>
        ))}
      </ol>
    </section>
  );
}
