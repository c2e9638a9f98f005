import { useState, type FormEvent } from 'react';
import type { Strings } from '../lib/i18n';

/** "I need help / report a concern": goes straight to the teacher and the DSL. */
export function ConcernForm({ t, onSend }: { t: Strings; onSend: (text: string) => Promise<void> }) {
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [sent, setSent] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    await onSend(text.trim());
    setSent(true);
  }

  if (sent)
    return (
      <p role="status" className="concern-sent">
        {t.concernSent}
      </p>
    );
  if (!open) {
    return (
      <button type="button" className="secondary" onClick={() => setOpen(true)}>
        {t.concernButton}
      </button>
    );
  }
  return (
    <form className="concern" onSubmit={(e) => void submit(e)}>
      <label htmlFor="concern">{t.concernLabel}</label>
      <textarea
        id="concern"
        rows={3}
        maxLength={2000}
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      <button type="submit">{t.concernSend}</button>
    </form>
  );
}
