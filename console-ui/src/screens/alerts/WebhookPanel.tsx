import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { WebhookDelivery, WebhookSettingsBody } from '@waymark/shared';
import { Field } from '../../ui/Field';
import { ScrollRegion } from '../../ui/ScrollRegion';
import { ALERTS_KEY, alertsApi } from './api';
import { useAlertFormat } from './format';

const KEY = [...ALERTS_KEY, 'webhook'] as const;
const DELIVERIES = [...ALERTS_KEY, 'deliveries'] as const;

/** The school's own receiver for alerts (SMS, Teams, its safeguarding system): the address, the secret once, the deliveries. */
export function WebhookPanel() {
  const { t } = useTranslation('alerts');
  const f = useAlertFormat();
  const captionId = useId();
  const queryClient = useQueryClient();
  const webhook = useQuery({ queryKey: KEY, queryFn: alertsApi.webhook });
  const deliveries = useQuery({
    queryKey: DELIVERIES,
    queryFn: alertsApi.deliveries,
    // Retries are made by the server; while one waits, its outcome is asked for now and then.
    refetchInterval: (q) => (q.state.data?.some((d) => d.status === 'pending') ? 5000 : false),
  });
  const [url, setUrl] = useState('');
  const [secret, setSecret] = useState<string | null>(null);
  useEffect(() => setUrl(webhook.data?.url ?? ''), [webhook.data?.url]);
  const save = useMutation({
    mutationFn: (body: WebhookSettingsBody) => alertsApi.saveWebhook(body),
    onSuccess: (saved) => {
      queryClient.setQueryData(KEY, { url: saved.url, hasSecret: saved.hasSecret });
      setSecret(saved.secret ?? null);
    },
  });

  function submit(e: FormEvent) {
    e.preventDefault();
    save.mutate({ url: url.trim() || null });
  }

  const status = (d: WebhookDelivery) =>
    d.status === 'delivered'
      ? t('webhook.delivered', { time: f.when(d.deliveredAt ?? d.createdAt) })
      : d.status === 'failed'
        ? t('webhook.failed')
        : d.nextAt
          ? t('webhook.retrying', { time: f.when(d.nextAt) })
          : t('webhook.sending');

  return (
    <section className="alert-settings" aria-labelledby="webhook-heading">
      <h2 id="webhook-heading">{t('webhook.title')}</h2>
      <p>{t('webhook.intro')}</p>
      <form onSubmit={submit}>
        <Field id="webhook-url" label={t('webhook.url')} className="ui-field-stacked">
          {(control) => (
            <input
              {...control}
              type="url"
              className="webhook-url"
              value={url}
              placeholder="https://"
              spellCheck={false}
              onChange={(e) => setUrl(e.target.value)}
            />
          )}
        </Field>
        {save.isError && (
          <p role="alert" className="error">
            {save.error.message}
          </p>
        )}
        <div className="alert-detail-buttons">
          <button type="submit" disabled={save.isPending}>
            {t('webhook.save')}
          </button>
          {webhook.data?.url && (
            <>
              <button
                type="button"
                className="secondary"
                onClick={() => save.mutate({ url: webhook.data!.url, newSecret: true })}
              >
                {t('webhook.newSecret')}
              </button>
              <button type="button" className="secondary" onClick={() => save.mutate({ url: null })}>
                {t('webhook.off')}
              </button>
            </>
          )}
        </div>
      </form>
      {secret && (
        <div className="created-token" data-testid="webhook-secret">
          <p>
            <strong>{t('webhook.secretOnce')}</strong> {t('webhook.secretHow')}
          </p>
          <label htmlFor="webhook-secret">{t('webhook.secret')}</label>{' '}
          <input id="webhook-secret" readOnly value={secret} spellCheck={false} size={52} />
        </div>
      )}
      {deliveries.data && deliveries.data.length > 0 && (
        <ScrollRegion className="alerts-table-scroll" labelledBy={captionId}>
          <table className="alerts-table" data-testid="webhook-deliveries">
            <caption id={captionId}>{t('webhook.deliveries')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('webhook.when')}</th>
                <th scope="col">{t('webhook.what')}</th>
                <th scope="col">{t('webhook.status')}</th>
                <th scope="col">{t('webhook.attempts')}</th>
                <th scope="col">{t('webhook.answer')}</th>
              </tr>
            </thead>
            <tbody>
              {deliveries.data.map((d) => (
                <tr key={d.id}>
                  <td>
                    <time dateTime={d.createdAt}>{f.when(d.createdAt)}</time>
                  </td>
                  <td>{t(`webhook.kinds.${d.what}`)}</td>
                  <td>{status(d)}</td>
                  <td>{d.attempts}</td>
                  <td>{d.lastError ?? (d.lastStatusCode ? String(d.lastStatusCode) : '')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </section>
  );
}
