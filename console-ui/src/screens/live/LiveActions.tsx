import { createContext, useContext, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  LIVE_MESSAGE_MAX,
  LOCK_MAX_MINUTES,
  type ActionResultUpdate,
  type LiveAction,
  type LiveActionRecord,
} from '@waymark/shared';
import { liveApi } from './api';

interface ActionTarget {
  deviceId: string;
  /** The pupil (or device) name, for the results. */
  name: string;
}

type Form = 'open' | 'site' | 'message' | 'lock' | null;
const LOCK_MINUTES = [5, 10, 15, 30, 45, LOCK_MAX_MINUTES];

/** The host a teacher means by what they typed: a host, or the host of a pasted address. */
function hostOf(typed: string): string {
  const text = typed.trim().toLowerCase();
  try {
    return new URL(/^[a-z][a-z0-9+.-]*:\/\//.test(text) ? text : `http://${text}`).hostname.replace(
      /^www\./,
      '',
    );
  } catch {
    return '';
  }
}

/** Answers from devices that came back online within the lesson, for the results shown. */
export const LateResultsContext = createContext<readonly ActionResultUpdate[]>([]);

/** What happened on each device: applied, offline or failed, by pupil (updated as offline devices come back). */
export function ActionResults({
  record: sent,
  targets,
}: {
  record: LiveActionRecord;
  targets: readonly ActionTarget[];
}) {
  const { t } = useTranslation('live');
  const late = useContext(LateResultsContext).filter((u) => u.actionId === sent.id);
  const record = {
    ...sent,
    results: sent.results.map((r) => late.findLast((u) => u.result.deviceId === r.deviceId)?.result ?? r),
  };
  const name = (id: string) => targets.find((x) => x.deviceId === id)?.name ?? id;
  return (
    <div className="action-results" role="status" data-testid="action-results">
      <p>
        {t(`actions.done.${record.action.kind}`)}{' '}
        {(['applied', 'offline', 'failed'] as const)
          .map((o) =>
            t(`actions.outcome.${o}`, { count: record.results.filter((r) => r.outcome === o).length }),
          )
          .join(' · ')}
      </p>
      <ul>
        {record.results.map((r) => (
          <li key={r.deviceId} className={`outcome outcome-${r.outcome}`} data-outcome={r.outcome}>
            {name(r.deviceId)}: {t(`actions.result.${r.outcome}`)}
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * The teacher's controls for a set of pupils' devices (one pupil, or the class): open an address,
 * close every tab on a site, send a message, lock with an automatic release, unlock. Closing one
 * tab is on each tab.
 */
export function LiveActions({
  classId,
  targets,
  label,
  sites = [],
  onDone,
}: {
  classId: string;
  targets: readonly ActionTarget[];
  /** Who the actions go to ("the class", a pupil's name). */
  label: string;
  /** Sites open on these devices now, offered when closing a site. */
  sites?: readonly string[];
  onDone?: (record: LiveActionRecord) => void;
}) {
  const { t } = useTranslation('live');
  const id = useId();
  const [form, setForm] = useState<Form>(null);
  const [url, setUrl] = useState('');
  const [site, setSite] = useState('');
  const [text, setText] = useState('');
  const [lockMessage, setLockMessage] = useState('');
  const [minutes, setMinutes] = useState(10);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [last, setLast] = useState<LiveActionRecord | null>(null);

  async function run(action: LiveAction) {
    setBusy(true);
    setError(null);
    try {
      const record = await liveApi.act(classId, { deviceIds: targets.map((x) => x.deviceId), action });
      setLast(record);
      setForm(null);
      onDone?.(record);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  const none = targets.length === 0;
  return (
    <section className="live-actions" aria-label={t('actions.label', { who: label })}>
      <div className="action-buttons">
        {(['open', 'site', 'message', 'lock'] as const).map((f) => (
          <button
            key={f}
            type="button"
            aria-expanded={form === f}
            disabled={none || busy}
            onClick={() => setForm(form === f ? null : f)}
          >
            {t(`actions.${f}`)}
          </button>
        ))}
        <button type="button" disabled={none || busy} onClick={() => void run({ kind: 'unlock' })}>
          {t('actions.unlock')}
        </button>
      </div>
      {none && <p className="note">{t('actions.noneOnline')}</p>}
      {form === 'open' && (
        <form
          className="action-form"
          onSubmit={(e) => {
            e.preventDefault();
            void run({ kind: 'open-url', url: url.trim() });
          }}
        >
          <label htmlFor={`${id}-url`}>{t('actions.urlLabel')}</label>
          <input
            id={`${id}-url`}
            type="url"
            required
            value={url}
            onChange={(e) => setUrl(e.target.value)}
            placeholder="https://"
          />
          <button type="submit" disabled={busy}>
            {t('actions.openSubmit', { who: label })}
          </button>
        </form>
      )}
      {form === 'site' && (
        <form
          className="action-form"
          onSubmit={(e) => {
            e.preventDefault();
            void run({ kind: 'close-site', site: hostOf(site) });
          }}
        >
          <label htmlFor={`${id}-site`}>{t('actions.siteLabel')}</label>
          <input
            id={`${id}-site`}
            required
            list={`${id}-sites`}
            value={site}
            onChange={(e) => setSite(e.target.value)}
            placeholder="example.com"
          />
          <datalist id={`${id}-sites`}>
            {sites.map((s) => (
              <option key={s} value={s} />
            ))}
          </datalist>
          <button type="submit" disabled={busy || !hostOf(site)}>
            {t('actions.siteSubmit', { who: label })}
          </button>
        </form>
      )}
      {form === 'message' && (
        <form
          className="action-form"
          onSubmit={(e) => {
            e.preventDefault();
            void run({ kind: 'message', text: text.trim() });
          }}
        >
          <label htmlFor={`${id}-text`}>{t('actions.messageLabel', { max: LIVE_MESSAGE_MAX })}</label>
          <textarea
            id={`${id}-text`}
            required
            maxLength={LIVE_MESSAGE_MAX}
            rows={3}
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
          <button type="submit" disabled={busy || !text.trim()}>
            {t('actions.messageSubmit', { who: label })}
          </button>
        </form>
      )}
      {form === 'lock' && (
        <form
          className="action-form"
          onSubmit={(e) => {
            e.preventDefault();
            void run({ kind: 'lock', message: lockMessage.trim(), minutes });
          }}
        >
          <label htmlFor={`${id}-lock`}>{t('actions.lockMessageLabel')}</label>
          <input
            id={`${id}-lock`}
            maxLength={200}
            value={lockMessage}
            onChange={(e) => setLockMessage(e.target.value)}
          />
          <label htmlFor={`${id}-minutes`}>{t('actions.lockMinutesLabel')}</label>
          <select id={`${id}-minutes`} value={minutes} onChange={(e) => setMinutes(Number(e.target.value))}>
            {LOCK_MINUTES.map((m) => (
              <option key={m} value={m}>
                {t('actions.minutes', { count: m })}
              </option>
            ))}
          </select>
          <button type="submit" disabled={busy}>
            {t('actions.lockSubmit', { who: label })}
          </button>
        </form>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {last && <ActionResults record={last} targets={targets} />}
    </section>
  );
}
