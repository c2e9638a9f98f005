import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreatedEnrollmentToken } from '@waymark/shared';

/** Copies through the Clipboard API, or by selecting the text where that is not allowed. */
async function copyText(input: HTMLInputElement): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(input.value);
    return true;
  } catch {
    input.select();
    return document.execCommand('copy');
  }
}

/** A new token, shown this once: the server keeps only its hash. */
export function CreatedToken({ created, onDone }: { created: CreatedEnrollmentToken; onDone: () => void }) {
  const { t } = useTranslation('devices');
  const headingRef = useRef<HTMLHeadingElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  useEffect(() => headingRef.current?.focus(), [created.id]);

  return (
    <section className="created-token" aria-labelledby="created-token-heading">
      <h3 id="created-token-heading" ref={headingRef} tabIndex={-1}>
        {t('created.title', { label: created.label })}
      </h3>
      <p>
        <strong>{t('created.once')}</strong> {t('created.where')}
      </p>
      <div className="created-token-value">
        <label htmlFor="created-token-value">{t('created.token')}</label>
        <input
          id="created-token-value"
          ref={inputRef}
          readOnly
          value={created.token}
          spellCheck={false}
          onFocus={(e) => e.currentTarget.select()}
          data-testid="created-token"
        />
        <button
          type="button"
          onClick={() => {
            if (inputRef.current) void copyText(inputRef.current).then((ok) => setCopied(ok ? 'yes' : 'no'));
          }}
        >
          {t('created.copy')}
        </button>
      </div>
      <p role="status" className="created-token-status">
        {copied === 'yes' ? t('created.copied') : copied === 'no' ? t('created.copyFailed') : ''}
      </p>
      <button type="button" className="secondary" onClick={onDone}>
        {t('created.done')}
      </button>
    </section>
  );
}
