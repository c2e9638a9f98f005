import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { policyDiff, type Category, type PolicyBody, type Profile } from '@waymark/shared';
import { ApiError } from '../../lib/api';
import { AddressesAndMirrors } from './AddressesAndMirrors';
import { policiesApi, policyKeys, type StoredPolicy } from './api';
import { CategoryActionsTable } from './CategoryActionsTable';
import { Field } from '../../ui/Field';
import { ErrorSummary } from './ErrorSummary';
import { FilterListField } from './FilterListField';
import {
  bodyFromDraft,
  checkDraft,
  draftFromBody,
  type DraftField,
  type DraftProblem,
  type PolicyDraft,
} from './policy-form';
import { useProblemText } from './problem-text';
import { ReviewChanges, type PendingChange } from './ReviewChanges';
import { UnsavedChangesGuard } from './UnsavedChangesGuard';

export interface SavedChange {
  version: number;
  summary: string[];
}

function timeZones(current: string): string[] {
  const zones = Intl.supportedValuesOf('timeZone');
  return zones.includes(current) ? zones : [current, ...zones];
}

/** The form for one profile: edit, review what changed, then save with a reason. */
export function PolicyEditor({
  profile,
  stored,
  onSaved,
  onEditing,
  onReload,
}: {
  profile: Profile;
  stored: StoredPolicy;
  onSaved: (change: SavedChange) => void;
  onEditing: () => void;
  onReload: () => void;
}) {
  const { t } = useTranslation('policies');
  const { message } = useProblemText();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<PolicyDraft>(() => draftFromBody(stored.body));
  const [reason, setReason] = useState('');
  const [problems, setProblems] = useState<DraftProblem[]>([]);
  const [failedAttempts, setFailedAttempts] = useState(0);
  const [nothingChanged, setNothingChanged] = useState(false);
  const [pending, setPending] = useState<(PendingChange & { body: PolicyBody }) | null>(null);
  const zones = useMemo(() => timeZones(stored.body.timeZone), [stored.body.timeZone]);

  const save = useMutation({
    mutationFn: ({ body, reason }: { body: PolicyBody; reason: string }) => {
      // The category lists belong to the imports; the server keeps the stored ones.
      const { categoryLists: _lists, ...policy } = body;
      return policiesApi.save(profile, { policy, reason, expectedVersion: stored.version });
    },
    onSuccess: async (result) => {
      onSaved(result);
      await queryClient.invalidateQueries({ queryKey: policyKeys.all });
    },
  });

  // A field's problems go once it is edited; the next review checks everything again.
  const settle = (fields: DraftField[]) =>
    setProblems((ps) =>
      ps.some((p) => fields.includes(p.field)) ? ps.filter((p) => !fields.includes(p.field)) : ps,
    );
  const edit = (patch: Partial<PolicyDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    settle(Object.keys(patch) as DraftField[]);
    setNothingChanged(false);
  };
  const editCategory = (category: Category, value: PolicyDraft['categories'][Category]) => {
    setDraft((d) => ({ ...d, categories: { ...d.categories, [category]: value } }));
    settle([`category-${category}`]);
    setNothingChanged(false);
  };
  const problemsOf = (field: DraftField) => problems.filter((p) => p.field === field);

  function review(e: FormEvent) {
    e.preventDefault();
    onEditing();
    const check = checkDraft(draft, stored.body, reason);
    if (!check.ok) {
      setProblems(check.problems);
      setFailedAttempts((n) => n + 1);
      return;
    }
    setProblems([]);
    const diff = policyDiff(stored.body, check.body);
    if (diff.length === 0) {
      setNothingChanged(true);
      return;
    }
    save.reset();
    setPending({ body: check.body, reason: check.reason, diff, helpSitesBlocked: check.helpSitesBlocked });
  }

  function discard() {
    setDraft(draftFromBody(stored.body));
    setReason('');
    setProblems([]);
    setNothingChanged(false);
  }

  const dirty =
    save.isSuccess === false &&
    (reason.trim() !== '' || policyDiff(stored.body, bodyFromDraft(draft, stored.body)).length > 0);
  const guard = <UnsavedChangesGuard dirty={dirty} profile={profile} />;

  if (pending) {
    const conflict = save.error instanceof ApiError && save.error.status === 409;
    return (
      <>
        {guard}
        <ReviewChanges
          profile={profile}
          nextVersion={stored.version + 1}
          change={pending}
          saving={save.isPending}
          error={save.error?.message ?? null}
          conflict={conflict}
          onConfirm={() => save.mutate({ body: pending.body, reason: pending.reason })}
          onBack={() => setPending(null)}
          onReload={onReload}
        />
      </>
    );
  }

  const reasonProblems = problemsOf('reason');
  const zoneProblems = problemsOf('timeZone');
  return (
    <form className="pol-policy-form" onSubmit={review} noValidate aria-labelledby="policy-heading">
      {guard}
      <ErrorSummary problems={problems} attempt={failedAttempts} />
      <fieldset className="pol-panel">
        <legend>{t('edit.filtering')}</legend>
        <div className="pol-choices">
          <label>
            <input
              type="radio"
              name="mode"
              value="allow-list"
              checked={draft.mode === 'allow-list'}
              onChange={() => edit({ mode: 'allow-list' })}
            />{' '}
            {t('edit.modeAllow')}
          </label>
          <label>
            <input
              type="radio"
              name="mode"
              value="block-list"
              checked={draft.mode === 'block-list'}
              onChange={() => edit({ mode: 'block-list' })}
            />{' '}
            {t('edit.modeBlock')}
          </label>
        </div>
        <label className="pol-check">
          <input
            type="checkbox"
            checked={draft.safeSearch}
            onChange={(e) => edit({ safeSearch: e.target.checked })}
          />{' '}
          {t('edit.safeSearch')}
        </label>
        <Field
          id="policy-timeZone"
          label={t('edit.timeZone')}
          problem={zoneProblems.map(message)}
          className="pol-field"
          problemClassName="pol-field-problems"
          hasProblemClassName="pol-has-problems"
          hintFirst
        >
          {(control) => (
            <select {...control} value={draft.timeZone} onChange={(e) => edit({ timeZone: e.target.value })}>
              {zones.map((zone) => (
                <option key={zone} value={zone}>
                  {zone}
                </option>
              ))}
            </select>
          )}
        </Field>
      </fieldset>

      <div className="pol-lists">
        <FilterListField
          id="policy-allow"
          label={t('edit.allowLabel')}
          hint={t('edit.allowHint')}
          value={draft.allow}
          onChange={(allow) => edit({ allow })}
          problems={problemsOf('allow')}
        />
        <FilterListField
          id="policy-block"
          label={t('edit.blockLabel')}
          hint={t('edit.blockHint')}
          value={draft.block}
          onChange={(block) => edit({ block })}
          problems={problemsOf('block')}
        />
      </div>

      <AddressesAndMirrors draft={draft} onChange={edit} problems={problems} />

      <section aria-labelledby="categories-heading" className="pol-categories">
        <h2 id="categories-heading">{t('edit.categoriesHeading')}</h2>
        <p className="pol-hint">{t('edit.categoriesHint')}</p>
        {draft.mode === 'allow-list' && <p className="pol-notice">{t('edit.categoriesAllowListHint')}</p>}
        <CategoryActionsTable
          body={stored.body}
          categories={draft.categories}
          onChange={editCategory}
          problems={problems}
        />
      </section>

      <Field
        id="policy-reason"
        label={t('edit.reasonLabel')}
        hint={t('edit.reasonHint')}
        problem={reasonProblems.map(message)}
        className="pol-field pol-reason"
        hintClassName="pol-hint"
        problemClassName="pol-field-problems"
        hasProblemClassName="pol-has-problems"
        hintFirst
      >
        {(control) => (
          <textarea
            {...control}
            rows={3}
            required
            value={reason}
            onChange={(e) => {
              setReason(e.target.value);
              settle(['reason']);
            }}
          />
        )}
      </Field>

      {nothingChanged && (
        <p className="pol-notice" role="status">
          {t('edit.nothingChanged')}
        </p>
      )}
      <div className="pol-actions">
        <button type="submit">{t('edit.review')}</button>
        <button type="button" className="secondary" onClick={discard}>
          {t('edit.discard')}
        </button>
      </div>
    </form>
  );
}
