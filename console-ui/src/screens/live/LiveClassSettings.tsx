import { useEffect, useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { LiveClassSettings as Settings } from '@waymark/shared';
import { liveApi } from './api';

const KEY = ['live-settings'] as const;

/**
 * When teachers may see pupils' live tabs (docs/architecture.md, "Live class"): the DSL's choice,
 * a change-control entry with a reason.
 */
export function LiveClassSettings() {
  const { t } = useTranslation('live');
  const queryClient = useQueryClient();
  const settings = useQuery({ queryKey: KEY, queryFn: liveApi.settings });
  const [lessonsOnly, setLessonsOnly] = useState(false);
  const [screens, setScreens] = useState(false);
  const [reason, setReason] = useState('');
  useEffect(() => {
    if (settings.data) {
      setLessonsOnly(settings.data.tabsInLessonsOnly);
      setScreens(settings.data.screenThumbnails);
    }
  }, [settings.data]);
  const save = useMutation({
    mutationFn: () =>
      liveApi.saveSettings({ tabsInLessonsOnly: lessonsOnly, screenThumbnails: screens, reason }),
    onSuccess: (saved: Settings) => {
      queryClient.setQueryData(KEY, saved);
      setReason('');
    },
  });

  function submit(e: FormEvent) {
    e.preventDefault();
    save.mutate();
  }

  if (!settings.data) return null;
  const unchanged =
    lessonsOnly === settings.data.tabsInLessonsOnly && screens === settings.data.screenThumbnails;
  return (
    <form className="live-settings" onSubmit={submit} aria-labelledby="live-settings-heading">
      <h2 id="live-settings-heading">{t('settings.heading')}</h2>
      <p>{settings.data.tabsInLessonsOnly ? t('settings.nowLessonsOnly') : t('settings.nowAnyTime')}</p>
      <p>
        <input
          id="live-tabs-lessons-only"
          type="checkbox"
          checked={lessonsOnly}
          aria-describedby="live-tabs-lessons-only-hint"
          onChange={(e) => setLessonsOnly(e.target.checked)}
        />{' '}
        <label htmlFor="live-tabs-lessons-only">{t('settings.lessonsOnly')}</label>
        <br />
        <span id="live-tabs-lessons-only-hint" className="hint">
          {t('settings.lessonsOnlyHint')}
        </span>
      </p>
      <p>
        <input
          id="live-screen-thumbnails"
          type="checkbox"
          checked={screens}
          aria-describedby="live-screen-thumbnails-hint"
          onChange={(e) => setScreens(e.target.checked)}
        />{' '}
        <label htmlFor="live-screen-thumbnails">{t('settings.screens')}</label>
        <br />
        <span id="live-screen-thumbnails-hint" className="hint">
          {t('settings.screensHint')}
        </span>
      </p>
      <p>
        <label htmlFor="live-settings-reason">{t('settings.reason')}</label>
        <br />
        <textarea
          id="live-settings-reason"
          rows={2}
          required
          minLength={5}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </p>
      {save.isError && (
        <p role="alert" className="error">
          {save.error.message}
        </p>
      )}
      <button type="submit" disabled={save.isPending || unchanged}>
        {t('settings.save')}
      </button>{' '}
      <span role="status">{save.isSuccess ? t('settings.saved') : ''}</span>
    </form>
  );
}
