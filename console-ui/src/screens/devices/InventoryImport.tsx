import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { deviceKeys, devicesApi, InventoryImportError } from './api';

/** The school's asset register as CSV (asset_tag, name): pasted, or read from a file on this computer. */
export function InventoryImport({ hasInventory }: { hasInventory: boolean }) {
  const { t } = useTranslation('devices');
  const queryClient = useQueryClient();
  const [csv, setCsv] = useState('');
  const [fileError, setFileError] = useState<string | null>(null);
  // Open at first when there is no inventory yet; after that, the technician decides.
  const [open, setOpen] = useState(!hasInventory);
  const resultRef = useRef<HTMLDivElement>(null);
  const upload = useMutation({
    mutationFn: devicesApi.importExpected,
    onSuccess: () => {
      setCsv('');
      return queryClient.invalidateQueries({ queryKey: deviceKeys.health() });
    },
    onSettled: () => resultRef.current?.focus(),
  });

  async function readFile(file: File | undefined) {
    setFileError(null);
    if (!file) return;
    try {
      setCsv(await file.text());
    } catch (error) {
      setFileError((error as Error).message);
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (csv.trim()) upload.mutate(csv);
  }

  const problems = upload.error instanceof InventoryImportError ? upload.error : null;
  return (
    <details className="inventory-import" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{hasInventory ? t('inventory.replaceTitle') : t('inventory.title')}</summary>
      <form onSubmit={submit}>
        <p>{t('inventory.explain')}</p>
        <p className="devices-muted">{t('inventory.example')}</p>
        <pre className="inventory-example">{'asset_tag,name\nOWL-001,Owls 01\nLIB-07,Library 7'}</pre>
        <div className="field">
          <label htmlFor="inventory-file">{t('inventory.file')}</label>
          <input
            id="inventory-file"
            type="file"
            accept=".csv,text/csv,text/plain"
            onChange={(e) => void readFile(e.target.files?.[0])}
          />
          {fileError && <p className="error">{fileError}</p>}
        </div>
        <div className="field">
          <label htmlFor="inventory-csv">{t('inventory.paste')}</label>
          <textarea
            id="inventory-csv"
            rows={6}
            value={csv}
            spellCheck={false}
            onChange={(e) => setCsv(e.target.value)}
            aria-describedby="inventory-replace-note"
          />
          <p id="inventory-replace-note" className="devices-muted">
            {t('inventory.replaceNote')}
          </p>
        </div>
        <button type="submit" disabled={!csv.trim() || upload.isPending}>
          {upload.isPending ? t('inventory.importing') : t('inventory.import')}
        </button>
      </form>
      <div ref={resultRef} tabIndex={-1} className="inventory-result">
        {upload.isSuccess && (
          <p role="status" className="devices-ok">
            {t('inventory.imported', { count: upload.data.imported })}
          </p>
        )}
        {upload.isError && (
          <div role="alert" className="devices-notice devices-notice-refused">
            <p>
              {problems
                ? t('inventory.refused', { count: problems.problemCount })
                : t('inventory.failed', { message: upload.error.message })}
            </p>
            {problems && (
              <ul className="inventory-problems">
                {problems.problems.map((p) => (
                  <li key={`${p.line}-${p.error}`}>
                    <strong>{t('inventory.line', { line: p.line })}</strong> {p.error}
                  </li>
                ))}
              </ul>
            )}
            {problems && problems.problemCount > problems.problems.length && (
              <p>
                {t('inventory.moreProblems', { count: problems.problemCount - problems.problems.length })}
              </p>
            )}
          </div>
        )}
      </div>
    </details>
  );
}
