import { useMutation, useQuery } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { urlParts, type Profile, type TestUrlBody } from '@waymark/shared';
import { endpoints } from '../../lib/api';
import { Field } from '../../ui/Field';
import { policiesApi } from './api';
import { describeDecision } from './describe-decision';
import { ProfileField } from './ProfileField';

/** "Test a web address": allowed or blocked for a profile, and the rule that decided. */
export function TestUrlBox({ profile: fixedProfile }: { profile?: Profile }) {
  const { t } = useTranslation('policies');
  const id = useId();
  const [profile, setProfile] = useState<Profile>(fixedProfile ?? 'KS1');
  const [url, setUrl] = useState('');
  const [user, setUser] = useState('');
  const [classId, setClassId] = useState('');
  const [at, setAt] = useState('');
  const [invalid, setInvalid] = useState<string | null>(null);
  const classes = useQuery({ queryKey: ['classes'], queryFn: endpoints.classes });
  const test = useMutation({ mutationFn: (body: TestUrlBody) => policiesApi.testUrl(body) });

  function submit(e: FormEvent) {
    e.preventDefault();
    const typed = url.trim();
    // People type "miniclip.com" as often as "https://www.miniclip.com/": test it as a web page.
    const address = urlParts(typed) === null && !typed.includes('://') ? `https://${typed}` : typed;
    if (typed === '' || urlParts(address) === null) {
      setInvalid(typed);
      test.reset();
      return;
    }
    setInvalid(null);
    test.mutate({
      profile,
      url: address,
      ...(user.trim() ? { user: user.trim() } : {}),
      ...(classId ? { classId } : {}),
      ...(at ? { at: new Date(at).toISOString() } : {}),
    });
  }

  const result = test.data;
  const tested = test.variables;
  const explained = result && tested ? describeDecision(result.decision, tested.profile) : null;
  const ruleText =
    explained &&
    t(`decision.${explained.key}`, {
      ...explained.values,
      ...(explained.values.category ? { category: t(`categories.${result!.decision.category!}`) } : {}),
    });

  return (
    <section aria-labelledby={`${id}-heading`} className="pol-panel pol-test-url">
      <h2 id={`${id}-heading`}>
        {fixedProfile ? t('testUrl.headingFor', { profile: fixedProfile }) : t('testUrl.heading')}
      </h2>
      <p>{fixedProfile ? t('testUrl.introFor', { profile: fixedProfile }) : t('testUrl.intro')}</p>
      <form onSubmit={submit} noValidate>
        <div className="pol-test-url-fields">
          {!fixedProfile && (
            <ProfileField
              id={`${id}-profile`}
              label={t('testUrl.profile')}
              value={profile}
              onChange={setProfile}
            />
          )}
          <div className="pol-field pol-grow">
            <label htmlFor={`${id}-url`}>{t('testUrl.url')}</label>
            <input
              id={`${id}-url`}
              type="text"
              inputMode="url"
              autoComplete="off"
              spellCheck={false}
              placeholder="https://www.example.com/"
              value={url}
              onChange={(e) => setUrl(e.target.value)}
              aria-invalid={invalid !== null || undefined}
              aria-describedby={invalid !== null ? `${id}-invalid` : undefined}
            />
          </div>
          <button type="submit" disabled={test.isPending}>
            {test.isPending ? t('testUrl.testing') : t('testUrl.submit')}
          </button>
        </div>
        <details className="pol-test-url-more">
          <summary>{t('testUrl.more')}</summary>
          <div className="pol-test-url-fields">
            <Field id={`${id}-user`} label={t('testUrl.user')} className="pol-field pol-grow">
              {(control) => (
                <input
                  {...control}
                  type="email"
                  autoComplete="off"
                  value={user}
                  onChange={(e) => setUser(e.target.value)}
                />
              )}
            </Field>
            {classes.data && classes.data.length > 0 && (
              <Field id={`${id}-class`} label={t('testUrl.klass')} className="pol-field">
                {(control) => (
                  <select {...control} value={classId} onChange={(e) => setClassId(e.target.value)}>
                    <option value="">{t('testUrl.anyClass')}</option>
                    {classes.data.map((c) => (
                      <option key={c.id} value={c.id}>
                        {c.name} ({c.profile})
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            )}
            <Field id={`${id}-at`} label={t('testUrl.at')} className="pol-field">
              {(control) => (
                <input
                  {...control}
                  type="datetime-local"
                  value={at}
                  onChange={(e) => setAt(e.target.value)}
                />
              )}
            </Field>
          </div>
        </details>
      </form>
      <div aria-live="polite" className="pol-test-url-result">
        {invalid !== null && (
          <p id={`${id}-invalid`} className="error">
            {t('testUrl.invalid', { url: invalid })}
          </p>
        )}
        {test.isError && <p className="error">{t('testUrl.failed', { message: test.error.message })}</p>}
        {result && tested && explained && (
          <div
            className={`pol-verdict pol-verdict-${result.decision.verdict}`}
            data-testid="test-url-verdict"
          >
            <p className="pol-verdict-line">
              <strong>{t(`testUrl.${result.decision.verdict}`)}</strong>{' '}
              {t('testUrl.resultFor', { profile: tested.profile, version: result.version })}
              <span className="pol-verdict-url">{tested.url}</span>
            </p>
            <dl>
              <dt>{t('testUrl.decidedBy')}</dt>
              <dd>{ruleText}</dd>
              {result.decision.category && (
                <>
                  <dt>{t('testUrl.category')}</dt>
                  <dd>{t(`categories.${result.decision.category}`)}</dd>
                </>
              )}
            </dl>
          </div>
        )}
      </div>
    </section>
  );
}
