import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  VISITOR_NOTICE_MAX,
  VISITOR_NOTICE_MIN,
  type VisitorNoticeBody,
  visitorsContract,
} from '@waymark/shared';
import { call } from '../../lib/call';
import { Field } from '../../ui/Field';

const KEY = ['visitor-notice'] as const;
const noticeApi = {
  get: () => call(visitorsContract.notice),
  save: (body: VisitorNoticeBody) => call(visitorsContract.saveNotice, { body }),
};

/**
 * The acceptable-use notice a visitor's device shows before its first page: the school writes its
 * own, or keeps Waymark's default. Devices enrolling after a change show the new text.
 */
export function VisitorNoticeForm() {
  const { t } = useTranslation('visitors');
  const queryClient = useQueryClient();
  const current = useQuery({ queryKey: KEY, queryFn: noticeApi.get });
  const [text, setText] = useState('');
  const [saved, setSaved] = useState<'own' | 'default' | null>(null);
  useEffect(() => {
    if (current.data) setText(current.data.notice ?? current.data.defaultNotice);
  }, [current.data]);
  const save = useMutation({
    mutationFn: noticeApi.save,
    onSuccess: (notice) => {
      queryClient.setQueryData(KEY, notice);
      setSaved(notice.notice === null ? 'default' : 'own');
    },
  });

  function submit(e: FormEvent) {
    e.preventDefault();
    setSaved(null);
    save.mutate({ notice: text });
  }

  return (
    <form onSubmit={submit} aria-labelledby="notice-heading" className="visitor-form">
      <h2 id="notice-heading">{t('notice.title')}</h2>
      {current.isPending && <p role="status">{t('notice.loading')}</p>}
      {current.isError && (
        <p role="alert" className="error">
          {current.error.message}
        </p>
      )}
      {current.data && (
        <>
          <p>{current.data.notice === null ? t('notice.usingDefault') : t('notice.usingOwn')}</p>
          <Field
            id="visitor-notice"
            label={t('notice.label')}
            hint={t('notice.hint', { min: VISITOR_NOTICE_MIN, max: VISITOR_NOTICE_MAX })}
            className="ui-field-stacked"
            hintClassName="hint"
          >
            {(control) => (
              <textarea
                {...control}
                required
                minLength={VISITOR_NOTICE_MIN}
                maxLength={VISITOR_NOTICE_MAX}
                rows={10}
                cols={70}
                value={text}
                onChange={(e) => {
                  setText(e.target.value);
                  setSaved(null);
                }}
              />
            )}
          </Field>
          {save.isError && (
            <p role="alert" className="error">
              {save.error.message}
            </p>
          )}
          <p role="status">
            {saved === 'own' && t('notice.saved')}
            {saved === 'default' && t('notice.reset')}
          </p>
          <button type="submit" disabled={save.isPending}>
            {t('notice.save')}
          </button>{' '}
          {current.data.notice !== null && (
            <button
              type="button"
              className="secondary"
              disabled={save.isPending}
              onClick={() => {
                setSaved(null);
                save.mutate({ notice: null });
              }}
            >
              {t('notice.useDefault')}
            </button>
          )}
        </>
      )}
    </form>
  );
}
