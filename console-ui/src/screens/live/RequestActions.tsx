import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  isIllegalCategory,
  type RequestDecisionBody,
  type RequestStatus,
  type StoredEvent,
} from '@waymark/shared';
import { liveApi } from './api';
import { pupilOf, useFormatters } from './format';

const DECIDED: Record<RequestDecisionBody['decision'], RequestStatus> = {
  'approve-lesson': 'approved',
  deny: 'denied',
  forward: 'forwarded',
};

/** Approve for this lesson, deny, or forward to the DSL, from the live feed. */
export function RequestActions({
  event,
  canDecide,
  canDecideForwarded,
  until,
  onDecided,
}: {
  event: StoredEvent;
  canDecide: boolean;
  canDecideForwarded: boolean;
  /** Until when an approved request stays open, when the server said. */
  until: string | undefined;
  onDecided: (requestId: string, status: RequestStatus) => void;
}) {
  const { t } = useTranslation('live');
  const format = useFormatters();
  const decide = useMutation({
    mutationFn: (body: RequestDecisionBody) => liveApi.decideRequest(event.id, body),
    onSuccess: (_result, body) => onDecided(event.id, DECIDED[body.decision]),
  });
  const status = event.requestStatus ?? 'pending';
  const open = canDecide && (status === 'pending' || (status === 'forwarded' && canDecideForwarded));
  const who = pupilOf(event) ?? event.deviceName;
  // An illegal site is never opened (the server refuses too): the class teacher forwards, the DSL denies.
  const illegal = isIllegalCategory(event.category);

  return (
    <div className="request-actions">
      {open ? (
        <div role="group" aria-label={t('requests.group', { name: who })}>
          {status === 'forwarded' && <p className="request-note">{t('requests.forwardedForYou')}</p>}
          {illegal && <p className="request-note">{t('requests.illegal')}</p>}
          {!illegal && (
            <button
              type="button"
              disabled={decide.isPending}
              onClick={() => decide.mutate({ decision: 'approve-lesson' })}
            >
              {t('requests.approve')}
            </button>
          )}
          {(!illegal || canDecideForwarded) && (
            <button
              type="button"
              className="secondary"
              disabled={decide.isPending}
              onClick={() => decide.mutate({ decision: 'deny' })}
            >
              {t('requests.deny')}
            </button>
          )}
          {status === 'pending' && (
            <button
              type="button"
              className="secondary"
              disabled={decide.isPending}
              onClick={() => decide.mutate({ decision: 'forward' })}
            >
              {t('requests.forward')}
            </button>
          )}
        </div>
      ) : (
        <p className={`request-status status-${status}`}>
          {status === 'approved' && until
            ? t('requests.approvedUntil', { time: format.clock(until) })
            : t(`requests.${status}`)}
        </p>
      )}
      {decide.isError && (
        <p role="alert" className="error">
          {decide.error.message}
        </p>
      )}
    </div>
  );
}
