import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { CATEGORIES, isIllegalCategory, type Category, type PolicyBody } from '@waymark/shared';
import { endpoints } from '../../lib/api';
import { Field } from '../../ui/Field';
import { ScrollRegion } from '../../ui/ScrollRegion';
import { categorySourceKeys, categorySourcesApi } from './api';
import { FieldProblems } from './ErrorSummary';
import { DEFAULT_WINDOW, type ActionChoice, type CategoryDraft, type DraftProblem } from './policy-form';
import { TimeWindowsEditor } from './TimeWindowsEditor';

const CHOICES: ActionChoice[] = ['unset', 'allow', 'block', 'allow-at-times', 'allow-for-nominated'];

export function CategoryActionsTable({
  body,
  categories,
  onChange,
  problems,
}: {
  body: PolicyBody;
  categories: Record<Category, CategoryDraft>;
  onChange: (category: Category, draft: CategoryDraft) => void;
  problems: DraftProblem[];
}) {
  const { t } = useTranslation('policies');
  const captionId = useId();
  const classes = useQuery({ queryKey: ['classes'], queryFn: endpoints.classes });
  // The sites known in each category live in the category store (starter lists, uploads, feeds).
  const sources = useQuery({ queryKey: categorySourceKeys.all, queryFn: categorySourcesApi.list });
  const knownSites = (category: Category) =>
    sources.data
      ? sources.data.reduce((n, s) => n + (s.counts[category] ?? 0), 0)
      : (body.categoryLists[category]?.length ?? 0);
  const classHint =
    classes.data && classes.data.length > 0
      ? t('edit.classIds', { classes: classes.data.map((c) => `${c.id} (${c.name})`).join(', ') })
      : null;

  function choose(category: Category, action: ActionChoice) {
    const current = categories[category];
    onChange(category, {
      ...current,
      action,
      windows:
        action === 'allow-at-times' && current.windows.length === 0
          ? [{ ...DEFAULT_WINDOW }]
          : current.windows,
    });
  }

  return (
    <ScrollRegion className="pol-table-scroll" labelledBy={captionId}>
      <table className="pol-data-table pol-categories-table">
        <caption id={captionId} className="visually-hidden">
          {t('edit.categoriesCaption', { profile: body.profile })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('edit.category')}</th>
            <th scope="col">{t('edit.action')}</th>
            <th scope="col">{t('edit.details')}</th>
            <th scope="col" className="pol-numeric">
              {t('edit.knownSites')}
            </th>
          </tr>
        </thead>
        <tbody>
          {CATEGORIES.map((category) => {
            const draft = categories[category];
            const label = t(`categories.${category}`);
            const illegal = isIllegalCategory(category);
            const mine = problems.filter((p) => p.field === `category-${category}`);
            const problemsId = `category-${category}-problems`;
            return (
              <tr key={category} className={mine.length ? 'pol-has-problems' : undefined}>
                <th scope="row">{label}</th>
                <td>
                  {illegal ? (
                    // docs/architecture.md, "Illegal content is always blocked": nothing to choose.
                    <p className="pol-illegal-action" id={`category-${category}`}>
                      <strong>{t('edit.illegalAlways')}</strong>
                      <span className="pol-hint">{t('edit.illegalLocked')}</span>
                    </p>
                  ) : (
                    <select
                      id={`category-${category}`}
                      aria-label={t('edit.actionFor', { category: label })}
                      value={draft.action}
                      onChange={(e) => choose(category, e.target.value as ActionChoice)}
                      aria-invalid={mine.length > 0 || undefined}
                      aria-describedby={mine.length ? problemsId : undefined}
                    >
                      {CHOICES.map((choice) => (
                        <option key={choice} value={choice}>
                          {t(`actions.${choice}`)}
                        </option>
                      ))}
                    </select>
                  )}
                </td>
                <td
                  className={
                    draft.action === 'allow-at-times' || draft.action === 'allow-for-nominated' || mine.length
                      ? undefined
                      : 'pol-no-details'
                  }
                >
                  <FieldProblems id={problemsId} problems={mine} />
                  {draft.action === 'allow-at-times' ? (
                    <TimeWindowsEditor
                      idPrefix={`category-${category}`}
                      categoryLabel={label}
                      windows={draft.windows}
                      onChange={(windows) => onChange(category, { ...draft, windows })}
                    />
                  ) : draft.action === 'allow-for-nominated' ? (
                    <Field
                      id={`category-${category}-nominated`}
                      label={t('edit.nominatedLabel', { category: label })}
                      hint={classHint ? `${t('edit.nominatedHint')} ${classHint}` : t('edit.nominatedHint')}
                      className="pol-field"
                      hintClassName="pol-hint"
                    >
                      {(control) => (
                        <textarea
                          {...control}
                          rows={3}
                          spellCheck={false}
                          value={draft.nominated}
                          onChange={(e) => onChange(category, { ...draft, nominated: e.target.value })}
                        />
                      )}
                    </Field>
                  ) : (
                    <span className="pol-muted" aria-hidden="true">
                      {t('edit.noDetails')}
                    </span>
                  )}
                </td>
                <td className="pol-numeric" data-label={t('edit.knownSites')}>
                  {knownSites(category)}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
