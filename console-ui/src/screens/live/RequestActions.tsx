import { useMutation } from '@tanstack/react-query';
import type { RequestDecisionBody, StoredEvent } from '@waymark/shared';
import { endpoints } from '../../lib/api';

const STATUS_LABELS = {
  pending: 'Waiting',
  approved: 'Opened for the lesson',
  denied: 'Denied',
  forwarded: 'Forwarded to the DSL',
} as const;

/** Approve for this lesson, deny, or forward to the DSL, from the live feed. */
export function RequestActions({
  event,
  canDecideForwarded,
}: {
  event: StoredEvent;
  canDecideForwarded: boolean;
}) {
  const decide = useMutation({
    mutationFn: (body: RequestDecisionBody) => endpoints.decideRequest(event.id, body),
  });
  const status = event.requestStatus ?? 'pending';
  const open = status === 'pending' || (status === 'forwarded' && canDecideForwarded);
  const who = event.pupilName ?? event.deviceName;
  return (
    <div className="request-actions">
      <q>{String(event.details.reason ?? '')}</q>
      {open ? (
        <div role="group" aria-label={`Unblock request from ${who}`}>
          <button
            type="button"
            disabled={decide.isPending}
            onClick={() => decide.mutate({ decision: 'approve-lesson' })}
          >
            Approve for this lesson
          </button>
          <button
            type="button"
            className="secondary"
            disabled={decide.isPending}
            onClick={() => decide.mutate({ decision: 'deny' })}
          >
            Deny
          </button>
          {status === 'pending' && (
            <button
              type="button"
              className="secondary"
              disabled={decide.isPending}
              onClick={() => decide.mutate({ decision: 'forward' })}
            >
              Forward to DSL
            </button>
          )}
        </div>
      ) : (
        <span className={`status status-${status}`}>{STATUS_LABELS[status]}</span>
      )}
      {decide.isError && (
        <span role="alert" className="error">
          {decide.error.message}
        </span>
      )}
    </div>
  );
}
