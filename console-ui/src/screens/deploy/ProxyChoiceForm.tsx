import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PROXY_MODES, ProxyChoiceSchema, type ProxyChoice, type ProxyMode } from '@waymark/shared';
import { deployApi, deployKeys } from './api';

type Field = 'pacUrl' | 'server';

/**
 * The school's proxy: how devices reach the web, which every policy file made here locks
 * (`ProxySettings`). Saved for the school, so every file made after uses the same choice.
 */
export function ProxyChoiceForm({ saved }: { saved: ProxyChoice }) {
  const { t } = useTranslation('deploy');
  const queryClient = useQueryClient();
  const [mode, setMode] = useState<ProxyMode>(saved.mode);
  const [pacUrl, setPacUrl] = useState(saved.mode === 'pac_script' ? saved.pacUrl : '');
  const [server, setServer] = useState(saved.mode === 'fixed_servers' ? saved.server : '');
  const [error, setError] = useState<Field | null>(null);
  const save = useMutation({
    mutationFn: deployApi.saveProxy,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: deployKeys.status }),
  });

  const choice = {
    mode,
    ...(mode === 'pac_script' ? { pacUrl } : {}),
    ...(mode === 'fixed_servers' ? { server } : {}),
  };

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = ProxyChoiceSchema.safeParse(choice);
    if (!parsed.success) {
      const field: Field = mode === 'pac_script' ? 'pacUrl' : 'server';
      setError(field);
      document.getElementById(`deploy-proxy-${field}`)?.focus();
      return;
    }
    setError(null);
    save.mutate(parsed.data);
  }

  const detail = (field: Field, value: string, onChange: (value: string) => void) => (
    <div className="deploy-field deploy-proxy-detail">
      <label htmlFor={`deploy-proxy-${field}`}>{t(`proxy.${field}`)}</label>
      <input
        id={`deploy-proxy-${field}`}
        type={field === 'pacUrl' ? 'url' : 'text'}
        inputMode={field === 'pacUrl' ? 'url' : undefined}
        spellCheck={false}
        autoComplete="off"
        value={value}
        onChange={(e) => {
          onChange(e.target.value);
          save.reset();
        }}
        aria-invalid={error === field ? true : undefined}
        aria-describedby={[
          `deploy-proxy-${field}-hint`,
          error === field ? `deploy-proxy-${field}-error` : null,
        ]
          .filter(Boolean)
          .join(' ')}
      />
      <span id={`deploy-proxy-${field}-hint`} className="deploy-muted">
        {t(`proxy.${field}Hint`)}
      </span>
      {error === field && (
        <span id={`deploy-proxy-${field}-error`} className="deploy-error">
          {t(`proxy.errors.${field}`)}
        </span>
      )}
    </div>
  );

  return (
    <section aria-labelledby="deploy-proxy-heading" className="deploy-block">
      <h3 id="deploy-proxy-heading">{t('proxy.heading')}</h3>
      <p className="deploy-muted">{t('proxy.intro')}</p>
      <form onSubmit={submit} noValidate aria-labelledby="deploy-proxy-heading">
        <fieldset className="deploy-targets">
          <legend>{t('proxy.legend')}</legend>
          <div className="deploy-target-grid">
            {PROXY_MODES.map((value) => (
              <label key={value} className="deploy-target">
                <input
                  type="radio"
                  name="proxy-mode"
                  value={value}
                  checked={mode === value}
                  onChange={() => {
                    setMode(value);
                    setError(null);
                    save.reset();
                  }}
                />
                <span>
                  <span className="deploy-target-name">{t(`proxy.modes.${value}`)}</span>
                  <span className="deploy-muted">{t(`proxy.modeHints.${value}`)}</span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>
        {mode === 'pac_script' && detail('pacUrl', pacUrl, setPacUrl)}
        {mode === 'fixed_servers' && detail('server', server, setServer)}
        <div className="deploy-actions">
          <button type="submit" disabled={save.isPending}>
            {save.isPending ? t('proxy.saving') : t('proxy.save')}
          </button>
        </div>
      </form>
      {save.isSuccess && (
        <p role="status" className="deploy-ok">
          {t('proxy.saved')}
        </p>
      )}
      {save.isError && (
        <p role="alert" className="deploy-error">
          {t('proxy.failed', { message: save.error.message })}
        </p>
      )}
    </section>
  );
}
