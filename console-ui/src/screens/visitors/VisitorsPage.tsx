import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  can,
  PROFILES,
  type IssueVisitorPassBody,
  type IssuedVisitorPass,
  type Profile,
  type VisitorPass,
  visitorsContract,
} from '@waymark/shared';
import { call } from '../../lib/call';
import { useSession } from '../../lib/session';
import { Field } from '../../ui/Field';
import { VisitorNoticeForm } from './VisitorNoticeForm';

const KEY = ['visitor-passes'] as const;
const DURATIONS = [
  { hours: 1, unit: 'hours', count: 1 },
  { hours: 3, unit: 'hours', count: 3 },
  { hours: 8, unit: 'hours', count: 8 },
  { hours: 24, unit: 'days', count: 1 },
  { hours: 48, unit: 'days', count: 2 },
  { hours: 72, unit: 'days', count: 3 },
] as const;

const visitorApi = {
  list: () => call(visitorsContract.list).then((r) => r.passes),
  issue: (body: IssueVisitorPassBody) => call(visitorsContract.issue, { body }),
  revoke: (id: string) => call(visitorsContract.revoke, { params: { id } }),
};

/** Visitor passes: issue one (shown once), see them, end one early. */
export function VisitorsPage() {
  const { t, i18n } = useTranslation('visitors');
  const allowed = can(useSession().data?.role, 'issue-visitor-passes');
  const queryClient = useQueryClient();
  const passes = useQuery({ queryKey: KEY, queryFn: visitorApi.list, enabled: allowed });
  const [issued, setIssued] = useState<IssuedVisitorPass | null>(null);
  const [name, setName] = useState('');
  const [profile, setProfile] = useState<Profile>('staff');
  const [hours, setHours] = useState(8);
  const issue = useMutation({
    mutationFn: visitorApi.issue,
    onSuccess: (pass) => {
      setIssued(pass);
      setName('');
      void queryClient.invalidateQueries({ queryKey: KEY });
    },
  });
  const revoke = useMutation({
    mutationFn: visitorApi.revoke,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), [issued?.id]);

  if (!allowed) {
    return (
      <section aria-labelledby="visitors-heading">
        <h1 id="visitors-heading">{t('title')}</h1>
        <p role="alert">{t('refused')}</p>
      </section>
    );
  }

  const when = (iso: string) =>
    new Date(iso).toLocaleString(i18n.language === 'cy' ? 'cy-GB' : 'en-GB', {
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      hour: '2-digit',
      minute: '2-digit',
    });
  const status = (p: VisitorPass) =>
    p.revokedAt
      ? t('list.revoked')
      : Date.parse(p.expiresAt) <= Date.now()
        ? t('list.ended')
        : p.used
          ? t('list.inUse')
          : t('list.inForce');

  function submit(e: FormEvent) {
    e.preventDefault();
    issue.mutate({
      visitorName: name,
      profile,
      expiresAt: new Date(Date.now() + hours * 3_600_000).toISOString(),
    });
  }

  return (
    <section aria-labelledby="visitors-heading" className="visitors-page">
      <h1 id="visitors-heading">{t('title')}</h1>
      <p>{t('intro')}</p>
      {issued && (
        <section className="created-token" aria-labelledby="issued-heading" data-testid="issued-pass">
          <h2 id="issued-heading" ref={headingRef} tabIndex={-1}>
            {t('issued.title', { name: issued.visitorName })}
          </h2>
          <p>
            <strong>{t('issued.once')}</strong> {t('issued.where')}
          </p>
          <label htmlFor="issued-token">{t('issued.token')}</label>{' '}
          <input id="issued-token" readOnly value={issued.token} spellCheck={false} size={40} />{' '}
          <button type="button" className="secondary" onClick={() => setIssued(null)}>
            {t('issued.done')}
          </button>
        </section>
      )}
      <form onSubmit={submit} aria-labelledby="issue-heading" className="visitor-form">
        <h2 id="issue-heading">{t('form.title')}</h2>
        <Field id="visitor-name" label={t('form.name')} className="ui-field-stacked">
          {(control) => (
            <input
              {...control}
              required
              minLength={2}
              maxLength={100}
              value={name}
              onChange={(e) => setName(e.target.value)}
            />
          )}
        </Field>
        <Field
          id="visitor-profile"
          label={t('form.profile')}
          hint={t('form.profileHint')}
          className="ui-field-stacked"
          hintClassName="hint"
        >
          {(control) => (
            <select {...control} value={profile} onChange={(e) => setProfile(e.target.value as Profile)}>
              {PROFILES.map((p) => (
                <option key={p} value={p}>
                  {p}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="visitor-ends" label={t('form.ends')} className="ui-field-stacked">
          {(control) => (
            <select {...control} value={hours} onChange={(e) => setHours(Number(e.target.value))}>
              {DURATIONS.map((d) => (
                <option key={d.hours} value={d.hours}>
                  {t(`form.${d.unit}`, { count: d.count })}
                </option>
              ))}
            </select>
          )}
        </Field>
        {issue.isError && (
          <p role="alert" className="error">
            {issue.error.message}
          </p>
        )}
        <button type="submit" disabled={issue.isPending}>
          {issue.isPending ? t('form.issuing') : t('form.submit')}
        </button>
      </form>
      <h2 id="passes-heading">{t('list.title')}</h2>
      {passes.isPending && <p role="status">{t('loading')}</p>}
      {passes.isError && (
        <p role="alert" className="error">
          {passes.error.message}
        </p>
      )}
      {revoke.isError && (
        <p role="alert" className="error">
          {revoke.error.message}
        </p>
      )}
      {passes.data &&
        (passes.data.length === 0 ? (
          <p>{t('list.none')}</p>
        ) : (
          <table aria-labelledby="passes-heading" data-testid="visitor-passes">
            <thead>
              <tr>
                <th scope="col">{t('list.visitor')}</th>
                <th scope="col">{t('list.profile')}</th>
                <th scope="col">{t('list.ends')}</th>
                <th scope="col">{t('list.issuedBy')}</th>
                <th scope="col">{t('list.status')}</th>
                <th scope="col">{t('list.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {passes.data.map((p) => {
                const live = !p.revokedAt && Date.parse(p.expiresAt) > Date.now();
                return (
                  <tr key={p.id}>
                    <th scope="row">{p.visitorName}</th>
                    <td>{p.profile}</td>
                    <td>{when(p.revokedAt ?? p.expiresAt)}</td>
                    <td>{p.issuedByName ?? ''}</td>
                    <td>{status(p)}</td>
                    <td>
                      {live && (
                        <button
                          type="button"
                          className="secondary"
                          aria-label={t('list.revokeLabel', { name: p.visitorName })}
                          disabled={revoke.isPending}
                          onClick={() => revoke.mutate(p.id)}
                        >
                          {t('list.revoke')}
                        </button>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        ))}
      <VisitorNoticeForm />
    </section>
  );
}
