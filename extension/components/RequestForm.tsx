import { useState, type FormEvent } from 'react';
import type { RequestStatusMessage } from '@waymark/shared';
import type { Strings } from '../lib/i18n';

interface Props {
  t: Strings;
  band: 'junior' | 'senior';
  status: RequestStatusMessage['status'] | null;
  onSend: (reason: string) => Promise<void>;
}

/** "Ask my teacher to open it" (KS2) / "Request access" (KS3+), with a reason, and its live status. */
export function RequestForm({ t, band, status, onSend }: Props) {
  const [reason, setReason] = useState('');
  const [sending, setSending] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (reason.trim() === '') return;
    setSending(true);
    await onSend(reason.trim()).finally(() => setSending(false));
  }

  if (status) {
    return (
      <p className={`request-status status-${status}`} role="status" data-testid="request-status">
        {t.status[status]}
      </p>
    );
  }
  return (
    <form className="request" onSubmit={(e) => void submit(e)}>
      <h2>{t.askTeacherHeading}</h2>
      <label htmlFor="reason">{t.reasonLabel}</label>
      <textarea
        id="reason"
        rows={band === 'junior' ? 2 : 3}
        maxLength={500}
        required
        value={reason}
        onChange={(e) => setReason(e.target.value)}
      />
      <button type="submit" disabled={sending}>
        {sending ? t.sending : band === 'junior' ? t.askTeacherButton : t.requestAccessButton}
      </button>
    </form>
  );
}
