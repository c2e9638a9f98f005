import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CATEGORIES, ImportKeywordListBodySchema, type Category } from '@waymark/shared';
import { policiesApi, policyKeys } from './api';
import { BadLinesTable } from './BadLinesTable';
import { CategorySelect } from './CategorySelect';
import { ChangeReasonField } from './ChangeReasonField';
import { ScrollRegion } from '../../ui/ScrollRegion';
import { Field } from '../../ui/Field';

/** The server takes keyword lists in an ordinary-sized request (256 kB of JSON). */
const MAX_KEYWORD_FILE_KB = 200;

/** The search keyword lists by category, and adding to them from a file. */
export function KeywordListsPanel() {
  const { t } = useTranslation('policies');
  const id = useId();
  const captionId = `${id}-caption`;
  const queryClient = useQueryClient();
  const lists = useQuery({ queryKey: policyKeys.keywords(), queryFn: policiesApi.keywordLists });
  const [category, setCategory] = useState<Category>('self-harm');
  const [file, setFile] = useState<File | null>(null);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [reasonMissing, setReasonMissing] = useState(false);
  const run = useMutation({
    mutationFn: policiesApi.importKeywords,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: policyKeys.all }),
  });

  async function submit(e: FormEvent) {
    e.preventDefault();
    run.reset();
    const reasonOk = reason.trim().length >= 5;
    setReasonMissing(!reasonOk);
    if (!file) return setProblem(t('imports.noFile'));
    if (file.size > MAX_KEYWORD_FILE_KB * 1024)
      return setProblem(
        t('imports.keywordTooLarge', { size: Math.ceil(file.size / 1024), max: MAX_KEYWORD_FILE_KB }),
      );
    setProblem(null);
    if (!reasonOk) return;
    const parsed = ImportKeywordListBodySchema.safeParse({ category, content: await file.text(), reason });
    if (!parsed.success) return setProblem(parsed.error.issues.map((i) => i.message).join('; '));
    run.mutate(parsed.data);
  }

  return (
    <section aria-labelledby={`${id}-heading`} className="pol-panel">
      <h2 id={`${id}-heading`}>{t('imports.keywordHeading')}</h2>
      <p>{t('imports.keywordIntro')}</p>
      {lists.isPending && <p role="status">{t('imports.keywordsLoading')}</p>}
      {lists.isError && (
        <p role="alert" className="error">
          {lists.error.message}
        </p>
      )}
      {lists.data && (
        <ScrollRegion className="pol-table-scroll" labelledBy={captionId}>
          <table className="pol-data-table pol-keyword-table" data-testid="keyword-lists">
            <caption id={captionId}>{t('imports.keywordCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('edit.category')}</th>
                <th scope="col" className="pol-numeric">
                  {t('imports.keywordCount')}
                </th>
                <th scope="col">{t('imports.keywordShow')}</th>
              </tr>
            </thead>
            <tbody>
              {CATEGORIES.map((c) => {
                const words = lists.data[c] ?? [];
                return (
                  <tr key={c}>
                    <th scope="row">{t(`categories.${c}`)}</th>
                    <td className="pol-numeric">{words.length}</td>
                    <td>
                      {words.length === 0 ? (
                        <span className="pol-muted">{t('imports.keywordNone')}</span>
                      ) : (
                        <details>
                          <summary>
                            {t('imports.keywordShow')}
                            <span className="visually-hidden"> ({t(`categories.${c}`)})</span>
                          </summary>
                          <p className="pol-keywords">{words.join(', ')}</p>
                        </details>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </ScrollRegion>
      )}

      <h3>{t('imports.keywordImportHeading')}</h3>
      <form onSubmit={(e) => void submit(e)} noValidate className="pol-import-form">
        <CategorySelect
          id={`${id}-category`}
          label={t('imports.keywordCategory')}
          value={category}
          onChange={setCategory}
        />
        <Field
          id={`${id}-file`}
          label={t('imports.file')}
          hint={t('imports.keywordFileHint')}
          className="pol-field"
          hintClassName="pol-hint"
          hintFirst
        >
          {(control) => (
            <input
              {...control}
              type="file"
              accept=".txt,text/plain"
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
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
        {run.data && (
          <section
            className="pol-import-summary"
            data-testid="keyword-import-summary"
            aria-labelledby={`${id}-result`}
          >
            <h3 id={`${id}-result`}>{t('imports.resultHeading')}</h3>
            <p>{t('imports.keywordResult', { added: run.data.added, already: run.data.alreadyListed })}</p>
            <BadLinesTable bad={run.data.bad} total={run.data.bad.length} />
          </section>
        )}
      </div>
    </section>
  );
}
