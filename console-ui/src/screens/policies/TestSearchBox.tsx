import { useMutation } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Profile, TestSearchBody } from '@waymark/shared';
import { policiesApi } from './api';
import { ProfileField } from './ProfileField';

/**
 * "Test a search": would Waymark flag this search or page title, for whom, and which phrase
 * matched. The same matcher as `npx waymark check-search` and the devices, with the school's phrases.
 */
export function TestSearchBox() {
  const { t } = useTranslation('policies');
  const id = useId();
  const [profile, setProfile] = useState<Profile>('KS2');
  const [text, setText] = useState('');
  const [empty, setEmpty] = useState(false);
  const test = useMutation({ mutationFn: (body: TestSearchBody) => policiesApi.testSearch(body) });

  function submit(e: FormEvent) {
    e.preventDefault();
    const typed = text.trim();
    setEmpty(typed === '');
    if (typed === '') return test.reset();
    test.mutate({ text: typed, profile });
  }

  const result = test.data;
  const tested = test.variables;
  return (
    <section aria-labelledby={`${id}-heading`} className="pol-panel pol-test-url">
      <h2 id={`${id}-heading`}>{t('testSearch.heading')}</h2>
      <p>{t('testSearch.intro')}</p>
      <form onSubmit={submit} noValidate>
        <div className="pol-test-url-fields">
          <ProfileField
            id={`${id}-profile`}
            label={t('testSearch.profile')}
            value={profile}
            onChange={setProfile}
          />
          <div className="pol-field pol-grow">
            <label htmlFor={`${id}-text`}>{t('testSearch.text')}</label>
            <input
              id={`${id}-text`}
              type="text"
              autoComplete="off"
              maxLength={1000}
              value={text}
              onChange={(e) => setText(e.target.value)}
              aria-invalid={empty || undefined}
              aria-describedby={empty ? `${id}-empty` : undefined}
            />
          </div>
          <button type="submit" disabled={test.isPending}>
            {test.isPending ? t('testUrl.testing') : t('testSearch.submit')}
          </button>
        </div>
      </form>
      <div aria-live="polite" className="pol-test-url-result">
        {empty && (
          <p id={`${id}-empty`} className="error">
            {t('testSearch.empty')}
          </p>
        )}
        {test.isError && <p className="error">{t('testSearch.failed', { message: test.error.message })}</p>}
        {result && tested && (
          <div
            className={`pol-verdict pol-verdict-${result.flagged ? 'blocked' : 'allowed'}`}
            data-testid="test-search-verdict"
          >
            <p className="pol-verdict-line">
              <strong>{result.flagged ? t('testSearch.flagged') : t('testSearch.notFlagged')}</strong>{' '}
              {t('testSearch.resultFor', { profile: tested.profile })}
              <span className="pol-verdict-url">“{tested.text}”</span>
            </p>
            {result.flagged && result.severity && (
              <dl>
                <dt>{t('testSearch.risk')}</dt>
                <dd>{t(`testSearch.risks.${result.severity}`)}</dd>
                <dt>{t('testSearch.categories')}</dt>
                <dd>{result.categories.map((c) => t(`categories.${c}`)).join(', ')}</dd>
                <dt>{t('testSearch.matched')}</dt>
                <dd>
                  {result.matches
                    .map((m) =>
                      t('testSearch.match', {
                        phrase: m.phrase,
                        text: m.text,
                        risk: t(`testSearch.risks.${m.risk}`),
                      }),
                    )
                    .join('; ')}
                </dd>
              </dl>
            )}
            {!result.flagged && result.benign.length > 0 && (
              <p>{t('testSearch.benign', { phrases: result.benign.join(', ') })}</p>
            )}
          </div>
        )}
      </div>
    </section>
  );
}
