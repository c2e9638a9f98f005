import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  FEED_FORMATS,
  SubscribeFeedBodySchema,
  type Category,
  type CategorySourceSummary,
} from '@waymark/shared';
import { categorySourceKeys, categorySourcesApi } from './api';
import { CategorySelect } from './CategorySelect';

type FeedFormat = (typeof FEED_FORMATS)[number];

/** Where each category's sites come from (starter, uploads, feeds), their health, and feeds to subscribe to. */
export function CategoryFeedsPanel() {
  const { t, i18n } = useTranslation('policies');
  const id = useId();
  const queryClient = useQueryClient();
  const sources = useQuery({ queryKey: categorySourceKeys.all, queryFn: categorySourcesApi.list });
  const invalidate = () => queryClient.invalidateQueries({ queryKey: categorySourceKeys.all });
  const act = useMutation({
    mutationFn: (run: () => Promise<unknown>) => run(),
    onSettled: invalidate,
  });
  const [name, setName] = useState('');
  const [url, setUrl] = useState('');
  const [format, setFormat] = useState<FeedFormat>('ut1');
  const [category, setCategory] = useState<Category>('gambling');
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const subscribe = useMutation({
    mutationFn: categorySourcesApi.subscribe,
    onSuccess: (r) => setDone(t('feeds.subscribed', { outcome: t(`feeds.outcomes.${r.outcome.outcome}`) })),
    onError: (e) => setProblem(e instanceof Error ? e.message : String(e)),
    onSettled: invalidate,
  });

  function submit(e: FormEvent) {
    e.preventDefault();
    setDone(null);
    const parsed = SubscribeFeedBodySchema.safeParse({
      name,
      url,
      format,
      ...(format === 'ut1' ? {} : { category }),
    });
    if (!parsed.success) return setProblem(parsed.error.issues.map((i) => i.message).join('; '));
    setProblem(null);
    subscribe.mutate(parsed.data);
  }

  const when = (iso: string | null) =>
    iso ? new Date(iso).toLocaleString(i18n.language === 'cy' ? 'cy-GB' : 'en-GB') : t('feeds.never');

  return (
    <section aria-labelledby={`${id}-heading`} className="pol-panel" data-testid="category-feeds">
      <h2 id={`${id}-heading`}>{t('feeds.heading')}</h2>
      <p>{t('feeds.intro')}</p>
      <table className="pol-table">
        <thead>
          <tr>
            <th scope="col">{t('feeds.name')}</th>
            <th scope="col">{t('feeds.kind')}</th>
            <th scope="col">{t('feeds.version')}</th>
            <th scope="col">{t('feeds.entries')}</th>
            <th scope="col">{t('feeds.status')}</th>
            <th scope="col">{t('feeds.checked')}</th>
            <th scope="col">{t('feeds.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {(sources.data ?? []).map((s) => (
            <SourceRow key={s.id} source={s} when={when} run={(fn) => act.mutate(fn)} />
          ))}
        </tbody>
      </table>

      <h3>{t('feeds.subscribeHeading')}</h3>
      <form onSubmit={submit} noValidate className="pol-import-form">
        <div className="pol-field">
          <label htmlFor={`${id}-name`}>{t('feeds.feedName')}</label>
          <input id={`${id}-name`} value={name} onChange={(e) => setName(e.target.value)} />
        </div>
        <div className="pol-field">
          <label htmlFor={`${id}-url`}>{t('feeds.url')}</label>
          <input id={`${id}-url`} type="url" value={url} onChange={(e) => setUrl(e.target.value)} />
        </div>
        <div className="pol-field">
          <label htmlFor={`${id}-format`}>{t('feeds.format')}</label>
          <select
            id={`${id}-format`}
            value={format}
            onChange={(e) => setFormat(e.target.value as FeedFormat)}
          >
            {FEED_FORMATS.map((f) => (
              <option key={f} value={f}>
                {t(`feeds.formats.${f}`)}
              </option>
            ))}
          </select>
        </div>
        {format !== 'ut1' && (
          <CategorySelect
            id={`${id}-category`}
            label={t('feeds.category')}
            value={category}
            onChange={setCategory}
          />
        )}
        {problem && (
          <p role="alert" className="pol-notice pol-notice-refused">
            {problem}
          </p>
        )}
        {done && <p role="status">{done}</p>}
        <button type="submit" disabled={subscribe.isPending}>
          {t('feeds.subscribe')}
        </button>
      </form>
    </section>
  );
}

function SourceRow({
  source: s,
  when,
  run,
}: {
  source: CategorySourceSummary;
  when: (iso: string | null) => string;
  run: (fn: () => Promise<unknown>) => void;
}) {
  const { t } = useTranslation('policies');
  const [reason, setReason] = useState('');
  const reasonId = useId();
  return (
    <tr data-testid={`source-${s.id}`}>
      <th scope="row">{s.name}</th>
      <td>{t(`feeds.kinds.${s.kind}`)}</td>
      <td>{s.version}</td>
      <td>{s.entryCount.toLocaleString()}</td>
      <td>
        {t(`feeds.statuses.${s.status}`)}
        {s.lastError && <div className="pol-hint">{s.lastError}</div>}
        {s.pending && (
          <div className="pol-hint">
            {t('feeds.pending', { entries: s.pending.entries, reason: s.pending.reason })}
          </div>
        )}
      </td>
      <td>{when(s.checkedAt)}</td>
      <td>
        {s.kind === 'feed' && (
          <>
            <button type="button" onClick={() => run(() => categorySourcesApi.refresh(s.id))}>
              {t('feeds.refresh')}
            </button>{' '}
            <button type="button" onClick={() => run(() => categorySourcesApi.remove(s.id))}>
              {t('feeds.remove')}
            </button>
          </>
        )}
        {s.pending && (
          <div>
            <label htmlFor={reasonId}>{t('feeds.confirmReason')}</label>{' '}
            <input id={reasonId} value={reason} onChange={(e) => setReason(e.target.value)} />{' '}
            <button type="button" onClick={() => run(() => categorySourcesApi.confirm(s.id, reason))}>
              {t('feeds.confirm')}
            </button>{' '}
            <button type="button" onClick={() => run(() => categorySourcesApi.reject(s.id))}>
              {t('feeds.reject')}
            </button>
          </div>
        )}
      </td>
    </tr>
  );
}
