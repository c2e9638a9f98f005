import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { RosterChanges } from '@waymark/shared';
import { ChangesSummary } from './ChangesSummary';

/** One import's two calls (`rosterSyncContract`): what it would change, then change it. */
export interface ImportCalls<B> {
  preview: (body: B) => Promise<RosterChanges>;
  apply: (body: B) => Promise<RosterChanges>;
}

/** One import: choose the file(s), preview what would change, then apply exactly that. */
export function ImportPanel<B>({
  kind,
  accept,
  multiple,
  readBody,
  calls,
}: {
  kind: 'oneRoster' | 'timetable';
  accept: string;
  multiple: boolean;
  readBody: (files: File[]) => Promise<B>;
  calls: ImportCalls<B>;
}) {
  const { t } = useTranslation('roster');
  const id = useId();
  const [files, setFiles] = useState<File[]>([]);
  const [body, setBody] = useState<B | null>(null);
  const [missing, setMissing] = useState(false);
  const preview = useMutation({ mutationFn: calls.preview });
  const queryClient = useQueryClient();
  const apply = useMutation({
    mutationFn: calls.apply,
    // An export's terms are the school's terms now.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['roster', 'calendar'] }),
  });

  async function onPreview(e: FormEvent) {
    e.preventDefault();
    setMissing(files.length === 0);
    if (files.length === 0) return;
    apply.reset();
    const read = await readBody(files);
    setBody(read);
    preview.mutate(read);
  }

  const shown = apply.data ?? preview.data;
  return (
    <section aria-labelledby={`${id}-heading`} className="roster-panel">
      <h2 id={`${id}-heading`}>{t(`${kind}.title`)}</h2>
      <form onSubmit={onPreview}>
        <label htmlFor={`${id}-file`}>{t(`${kind}.file`)}</label>
        <p id={`${id}-hint`} className="hint">
          {t(`${kind}.hint`)}
        </p>
        <input
          id={`${id}-file`}
          type="file"
          accept={accept}
          multiple={multiple}
          aria-describedby={`${id}-hint`}
          onChange={(e) => {
            setFiles([...(e.target.files ?? [])]);
            preview.reset();
            apply.reset();
          }}
        />
        {missing && <p role="alert">{t('noFile')}</p>}
        <button type="submit" disabled={preview.isPending}>
          {preview.isPending ? t('previewing') : t('preview')}
        </button>
      </form>
      {preview.isError && <p role="alert">{preview.error.message}</p>}
      {shown && <ChangesSummary changes={shown} id={`${id}-changes`} />}
      {preview.data && preview.data.errors.length === 0 && !apply.data && (
        <button type="button" disabled={apply.isPending} onClick={() => body !== null && apply.mutate(body)}>
          {apply.isPending ? t('applying') : t('apply')}
        </button>
      )}
      {apply.isError && <p role="alert">{apply.error.message}</p>}
      {apply.data && <p role="status">{t('applied')}</p>}
    </section>
  );
}
