import { useTranslation } from 'react-i18next';
import type { StoredEvent } from '@waymark/shared';
import { pupilOf, useFormatters } from './format';

/** One line about an urgent event, for the banner and for screen readers. */
export function useUrgentText() {
  const { t } = useTranslation('live');
  const format = useFormatters();
  return (events: readonly StoredEvent[]): string => {
    const first = events[0];
    if (!first) return '';
    const line = t('urgent.announce', {
      kind: t(`kinds.${first.kind}`),
      pupil: pupilOf(first) ?? t('feed.notSignedIn'),
      device: first.deviceName,
      time: format.clock(first.occurredAt),
    });
    return events.length > 1 ? `${line} ${t('urgent.more', { count: events.length - 1 })}` : line;
  };
}

/**
 * The newest urgent events, where the teacher cannot miss them, with a way to jump to them in
 * the feed. Screen readers hear them through the page's live region, not this banner.
 */
export function UrgentBanner({
  events,
  onShow,
  onDismiss,
}: {
  events: readonly StoredEvent[];
  onShow: (event: StoredEvent) => void;
  onDismiss: () => void;
}) {
  const { t } = useTranslation('live');
  const text = useUrgentText();
  const first = events[0];
  if (!first) return null;
  return (
    <section className={`urgent-banner kind-${first.kind}`} aria-label={t('urgent.label')}>
      <p>
        <span className="urgent-icon" aria-hidden="true">
          !
        </span>
        {text(events)}
      </p>
      <div className="urgent-buttons">
        <button type="button" onClick={() => onShow(first)}>
          {t('urgent.show')}
        </button>
        <button type="button" className="secondary" onClick={onDismiss}>
          {t('urgent.dismiss')}
        </button>
      </div>
    </section>
  );
}
