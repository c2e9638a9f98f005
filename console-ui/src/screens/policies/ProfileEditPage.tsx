import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ProfileSchema, type Profile } from '@waymark/shared';
import { usePolicyAccess } from './access';
import { policiesApi, policyKeys } from './api';
import { useDateTimeFormat } from './format';
import { EditRefused } from './PoliciesLayout';
import { PolicyEditor, type SavedChange } from './PolicyEditor';
import { TestUrlBox } from './TestUrlBox';

/** `/policies/:profile`: one profile's lists and category actions, edited with a reason. */
export function ProfileEditPage() {
  const { t } = useTranslation('policies');
  const { canEdit } = usePolicyAccess();
  const requested = useParams().profile ?? '';
  const parsed = ProfileSchema.safeParse(requested);
  if (!canEdit) return <EditRefused />;
  if (!parsed.success) {
    return (
      <section aria-labelledby="policy-heading">
        <h1 id="policy-heading">{t('title')}</h1>
        <p role="alert">{t('edit.notFound', { profile: requested })}</p>
        <p>
          <Link to="/policies">{t('edit.backToProfiles')}</Link>
        </p>
      </section>
    );
  }
  return <ProfileEditor key={parsed.data} profile={parsed.data} />;
}

function ProfileEditor({ profile }: { profile: Profile }) {
  const { t } = useTranslation('policies');
  const formatDate = useDateTimeFormat();
  const policy = useQuery({
    queryKey: policyKeys.policy(profile),
    queryFn: () => policiesApi.policy(profile),
  });
  const [saved, setSaved] = useState<SavedChange | null>(null);

  return (
    <section aria-labelledby="policy-heading">
      <p>
        <Link to="/policies">{t('edit.backToProfiles')}</Link>
      </p>
      <h1 id="policy-heading">
        {t('edit.title', { profile })}{' '}
        <span className="pol-muted pol-heading-note">{t(`profiles.${profile}`)}</span>
      </h1>
      {saved && (
        <div className="pol-notice pol-notice-success" role="status" data-testid="policy-saved">
          <h2>{t('saved.heading', { profile, version: saved.version })}</h2>
          <ul className="pol-diff-lines">
            {saved.summary.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          <p>{t('saved.pushed', { profile })}</p>
          <p>
            <Link to={`/policies/changes?profile=${profile}`}>{t('saved.log')}</Link>
          </p>
        </div>
      )}
      {policy.isPending && <p role="status">{t('edit.loading')}</p>}
      {policy.isError && (
        <p role="alert" className="error">
          {policy.error.message}
        </p>
      )}
      {policy.data && (
        <>
          <p className="pol-meta">
            {t('edit.current', {
              version: policy.data.version,
              when: formatDate(policy.data.updatedAt),
              who: policy.data.updatedBy ?? '—',
            })}{' '}
            <Link to={`/policies/changes?profile=${profile}`}>{t('edit.history', { profile })}</Link>
          </p>
          {/* A new version is a fresh start: the editor remounts with what was saved. */}
          <PolicyEditor
            key={policy.data.version}
            profile={profile}
            stored={policy.data}
            onSaved={setSaved}
            onEditing={() => setSaved(null)}
            onReload={() => void policy.refetch()}
          />
          <TestUrlBox profile={profile} />
        </>
      )}
    </section>
  );
}
