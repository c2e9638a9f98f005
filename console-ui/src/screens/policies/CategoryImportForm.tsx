import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ImportCategoryListBodySchema, type Category, type ImportCategoryListBody } from '@waymark/shared';
import { Field } from '../../ui/Field';
import { policiesApi, policyKeys, type CategoryImportSummary } from './api';
import { BadLinesTable } from './BadLinesTable';
import { MAX_IMPORT_BYTES, readUt1, totalBytes, ut1Files } from './read-files';
import { CategorySelect } from './CategorySelect';
import { ChangeReasonField } from './ChangeReasonField';

type Format = ImportCategoryListBody['format'];
const FORMATS: Format[] = ['domains', 'hosts', 'chrome', 'ut1'];
const ACCEPT: Record<Format, string> = {
  domains: '.txt,.list,.csv,text/plain',
  hosts: '.txt,.hosts,text/plain',
  chrome: '.json,application/json',
  ut1: '',
};

/** Upload a category list in a format the school already has; the summary names every bad line. */
export function CategoryImportForm() {
  const { t } = useTranslation('policies');
  const id = useId();
  const queryClient = useQueryClient();
  const [format, setFormat] = useState<Format>('domains');
  const [category, setCategory] = useState<Category>('gambling');
  const [files, setFiles] = useState<File[]>([]);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [reasonMissing, setReasonMissing] = useState(false);
  const run = useMutation({
    mutationFn: policiesApi.importCategoryList,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: policyKeys.all }),
  });

  async function submit(e: FormEvent) {
    e.preventDefault();
    run.reset();
    const chosen = format === 'ut1' ? ut1Files(files) : files.slice(0, 1);
    const reasonOk = reason.trim().length >= 5;
    setReasonMissing(!reasonOk);
    if (files.length === 0) return setProblem(t('imports.noFile'));
    if (chosen.length === 0) return setProblem(t('imports.noFolderFiles'));
    if (totalBytes(chosen) > MAX_IMPORT_BYTES)
      return setProblem(t('imports.tooLarge', { size: Math.ceil(totalBytes(chosen) / 1024 / 1024) }));
    setProblem(null);
    if (!reasonOk) return;
    const body =
      format === 'ut1'
        ? { format, files: await readUt1(chosen), reason }
        : { format, category, content: await chosen[0]!.text(), reason };
    const parsed = ImportCategoryListBodySchema.safeParse(body);
    if (!parsed.success) return setProblem(parsed.error.issues.map((i) => i.message).join('; '));
    run.mutate(parsed.data);
  }

  return (
    <section aria-labelledby={`${id}-heading`} className="pol-panel">
      <h2 id={`${id}-heading`}>{t('imports.categoryHeading')}</h2>
      <p>{t('imports.categoryIntro')}</p>
      <form onSubmit={(e) => void submit(e)} noValidate className="pol-import-form">
        <fieldset>
          <legend>{t('imports.format')}</legend>
          <div className="pol-choices">
            {FORMATS.map((f) => (
              <label key={f}>
                <input
                  type="radio"
                  name={`${id}-format`}
                  value={f}
                  checked={format === f}
                  onChange={() => {
                    setFormat(f);
                    setFiles([]);
                  }}
                />{' '}
                {t(`imports.formats.${f}`)}
              </label>
            ))}
          </div>
        </fieldset>
        {format !== 'ut1' && (
          <CategorySelect
            id={`${id}-category`}
            label={t('imports.category')}
            value={category}
            onChange={setCategory}
          />
        )}
        <Field
          id={`${id}-file`}
          label={format === 'ut1' ? t('imports.folder') : t('imports.file')}
          hint={format === 'ut1' ? t('imports.folderHint') : undefined}
          className="pol-field"
          hintClassName="pol-hint"
          hintFirst
        >
          {(control) => (
            <input
              {...control}
              key={format}
              type="file"
              accept={ACCEPT[format] || undefined}
              multiple={format === 'ut1'}
              // A UT1 list is a folder of folders: let the person choose the folder itself.
              ref={(el) => {
                if (el && format === 'ut1') el.setAttribute('webkitdirectory', '');
              }}
              onChange={(e) => setFiles([...(e.target.files ?? [])])}
            />
          )}
        </Field>
        <ChangeReasonField id={`${id}-reason`} value={reason} onChange={setReason} missing={reasonMissing} />
        <div role="alert">{problem && <p className="error">{problem}</p>}</div>
        <div className="pol-actions">
          <button type="submit" disabled={run.isPending}>
            {run.isPending ? t('imports.importing') : t('imports.submit')}
          </button>
        </div>
      </form>
      <div aria-live="polite">
        {run.isError && <p className="error">{t('imports.failed', { message: run.error.message })}</p>}
        {run.data && <ImportSummaryView summary={run.data} />}
      </div>
    </section>
  );
}

function ImportSummaryView({ summary }: { summary: CategoryImportSummary }) {
  const { t } = useTranslation('policies');
  const id = useId();
  const rows = Object.entries(summary.categories) as Array<
    [Category, { added: number; alreadyListed: number }]
  >;
  return (
    <section aria-labelledby={`${id}-heading`} className="pol-import-summary" data-testid="import-summary">
      <h3 id={`${id}-heading`}>{t('imports.resultHeading')}</h3>
      {rows.length === 0 ? (
        <p>{t('imports.nothingImported')}</p>
      ) : (
        <table className="pol-data-table">
          <caption>{t('imports.resultCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('edit.category')}</th>
              <th scope="col" className="pol-numeric">
                {t('imports.added')}
              </th>
              <th scope="col" className="pol-numeric">
                {t('imports.alreadyListed')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map(([category, counts]) => (
              <tr key={category}>
                <th scope="row">{t(`categories.${category}`)}</th>
                <td className="pol-numeric">{counts.added}</td>
                <td className="pol-numeric">{counts.alreadyListed}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {summary.unmapped.length > 0 && <p>{t('imports.unmapped', { names: summary.unmapped.join(', ') })}</p>}
      {summary.illegal.length > 0 && (
        <p>{t('imports.illegalFolders', { names: summary.illegal.join(', ') })}</p>
      )}
      {summary.allowEntries.length > 0 && (
        <p>
          {t('imports.allowEntries', {
            count: summary.allowEntries.length,
            entries:
              summary.allowEntries.slice(0, 20).join(', ') + (summary.allowEntries.length > 20 ? ', …' : ''),
          })}
        </p>
      )}
      <BadLinesTable bad={summary.bad} total={summary.badCount} />
    </section>
  );
}
