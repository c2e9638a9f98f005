import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  DEPLOY_TARGETS,
  DeployPolicyBodySchema,
  PROFILES,
  type DeployPolicyBody,
  type DeployStatus,
  type DeployTarget,
  type EnrollmentTokenSummary,
  type Profile,
} from '@waymark/shared';
import { deviceKeys, devicesApi } from '../devices/api';
import { TokenForm } from '../devices/TokenForm';
import { useDeviceClasses } from '../devices/use-device-health';
import { deployApi } from './api';
import { PolicyPreview } from './PolicyPreview';
import { Field } from '../../ui/Field';

const FORM_ID = 'deploy-policy-form';
const NEW_TOKEN = 'new';
type Field = 'serverUrl' | 'enrollmentToken' | 'accountDomains';

const domainsOf = (text: string) =>
  text
    .split(/[\s,;]+/)
    .map((d) => d.trim().toLowerCase())
    .filter(Boolean);

/** A token a device can still enrol with. */
const usable = (token: EnrollmentTokenSummary, now = Date.now()) =>
  !token.revokedAt &&
  !(token.expiresAt && Date.parse(token.expiresAt) <= now) &&
  !(token.maxUses !== null && token.uses >= token.maxUses);

/**
 * The policy file form: target, server, token and options, then the file. Fields are tied to the
 * form by its id, so creating a token (its own form) can sit beside the token field.
 */
export function PolicyMaker({ status }: { status: DeployStatus }) {
  const { t } = useTranslation('deploy');
  const queryClient = useQueryClient();
  const classes = useDeviceClasses();
  const tokens = useQuery({ queryKey: deviceKeys.tokens(), queryFn: devicesApi.tokens });
  const [target, setTarget] = useState<DeployTarget>('chrome-linux');
  const [serverUrl, setServerUrl] = useState(status.serverUrl);
  const [tokenChoice, setTokenChoice] = useState('');
  const [tokenValue, setTokenValue] = useState('');
  const [created, setCreated] = useState<string | null>(null);
  const [domains, setDomains] = useState(status.accountDomains.join(', '));
  const [locale, setLocale] = useState<'' | 'en' | 'cy'>('');
  const [fixedProfile, setFixedProfile] = useState<'' | Profile>('');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [made, setMade] = useState<string | null>(null);
  const previewRef = useRef<HTMLDivElement>(null);
  const generate = useMutation({
    mutationFn: deployApi.policy,
    onSuccess: () => requestAnimationFrame(() => previewRef.current?.focus()),
  });

  const body: DeployPolicyBody = {
    target,
    serverUrl: serverUrl.trim().replace(/\/+$/, ''),
    enrollmentToken: tokenValue.trim(),
    accountDomains: domainsOf(domains),
    ...(locale ? { locale } : {}),
    ...(fixedProfile ? { fixedProfile } : {}),
  };
  // The school's proxy choice is part of the file too: saving another makes the preview stale.
  const madeKey = JSON.stringify({ ...body, proxy: status.proxy });
  const stale = made !== null && made !== madeKey;

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = DeployPolicyBodySchema.safeParse(body);
    if (!parsed.success) {
      const found: Partial<Record<Field, string>> = {};
      for (const issue of parsed.error.issues) {
        const field = issue.path[0] as Field;
        found[field] ??= t(`errors.${field}`);
      }
      setErrors(found);
      document.getElementById(`deploy-${Object.keys(found)[0]}`)?.focus();
      return;
    }
    setErrors({});
    setMade(madeKey);
    generate.mutate(parsed.data);
  }

  const describedBy = (field: Field, hint: string) =>
    errors[field] ? `${hint} deploy-${field}-error` : hint;
  const fieldError = (field: Field) =>
    errors[field] && (
      <span id={`deploy-${field}-error`} className="deploy-error">
        {errors[field]}
      </span>
    );

  return (
    <section aria-labelledby="deploy-form-heading" className="deploy-block">
      <h3 id="deploy-form-heading">{t('form.heading')}</h3>
      <form id={FORM_ID} onSubmit={submit} noValidate aria-labelledby="deploy-form-heading" />

      <fieldset className="deploy-targets" form={FORM_ID}>
        <legend>{t('form.target')}</legend>
        <div className="deploy-target-grid">
          {DEPLOY_TARGETS.map((value) => (
            <label key={value} className="deploy-target">
              <input
                type="radio"
                name="target"
                form={FORM_ID}
                value={value}
                checked={target === value}
                onChange={() => setTarget(value)}
              />
              <span>
                <span className="deploy-target-name">{t(`form.targets.${value}`)}</span>
                <span className="deploy-muted">{t(`form.targetHints.${value}`)}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>

      <div className="deploy-fields">
        <div className="deploy-field">
          <label htmlFor="deploy-serverUrl">{t('form.serverUrl')}</label>
          <input
            id="deploy-serverUrl"
            form={FORM_ID}
            type="url"
            inputMode="url"
            autoComplete="url"
            value={serverUrl}
            onChange={(e) => setServerUrl(e.target.value)}
            aria-invalid={errors.serverUrl ? true : undefined}
            aria-describedby={describedBy('serverUrl', 'deploy-serverUrl-hint')}
          />
          <span id="deploy-serverUrl-hint" className="deploy-muted">
            {t('form.serverUrlHint')}
          </span>
          {fieldError('serverUrl')}
        </div>
        <div className="deploy-field">
          <label htmlFor="deploy-accountDomains">{t('form.domains')}</label>
          <input
            id="deploy-accountDomains"
            form={FORM_ID}
            value={domains}
            onChange={(e) => setDomains(e.target.value)}
            aria-invalid={errors.accountDomains ? true : undefined}
            aria-describedby={describedBy('accountDomains', 'deploy-accountDomains-hint')}
          />
          <span id="deploy-accountDomains-hint" className="deploy-muted">
            {t('form.domainsHint')}
          </span>
          {fieldError('accountDomains')}
        </div>
      </div>

      <div className="deploy-fields">
        <Field
          id="deploy-token-choice"
          className="deploy-field"
          label={t('form.tokenChoice')}
          hint={t('form.tokenChoiceHint')}
          hintClassName="deploy-muted"
        >
          {(control) => (
            <select
              {...control}
              form={FORM_ID}
              value={tokenChoice}
              onChange={(e) => {
                setTokenChoice(e.target.value);
                setCreated(null);
              }}
            >
              <option value="">{t('form.tokenSaved')}</option>
              {(tokens.data ?? []).some((token) => usable(token)) && (
                <optgroup label={t('form.tokensGroup')}>
                  {(tokens.data ?? [])
                    .filter((token) => usable(token))
                    .map((token) => (
                      <option key={token.id} value={token.id}>
                        {t('form.tokenOption', { label: token.label, uses: token.uses })}
                      </option>
                    ))}
                </optgroup>
              )}
              <option value={NEW_TOKEN}>{t('form.tokenNew')}</option>
            </select>
          )}
        </Field>
        <div className="deploy-field">
          <label htmlFor="deploy-enrollmentToken">{t('form.tokenValue')}</label>
          <input
            id="deploy-enrollmentToken"
            form={FORM_ID}
            autoComplete="off"
            spellCheck={false}
            value={tokenValue}
            onChange={(e) => setTokenValue(e.target.value)}
            aria-invalid={errors.enrollmentToken ? true : undefined}
            aria-describedby={describedBy(
              'enrollmentToken',
              created ? 'deploy-token-created deploy-enrollmentToken-hint' : 'deploy-enrollmentToken-hint',
            )}
          />
          {created && (
            <span id="deploy-token-created" className="deploy-ok" role="status">
              {t('form.tokenCreated', { label: created })}
            </span>
          )}
          <span id="deploy-enrollmentToken-hint" className="deploy-muted">
            {t('form.tokenValueHint')}
          </span>
          {fieldError('enrollmentToken')}
        </div>
      </div>
      {tokenChoice === NEW_TOKEN && (
        <div className="deploy-new-token">
          <TokenForm
            classes={classes.data ?? []}
            onCreated={(token) => {
              setTokenValue(token.token);
              setTokenChoice(token.id);
              setCreated(token.label);
              void queryClient.invalidateQueries({ queryKey: deviceKeys.tokens() });
              requestAnimationFrame(() => document.getElementById('deploy-enrollmentToken')?.focus());
            }}
          />
        </div>
      )}

      <details className="deploy-more">
        <summary>{t('form.more')}</summary>
        <div className="deploy-fields">
          <div className="deploy-field">
            <label htmlFor="deploy-locale">{t('form.locale')}</label>
            <select
              id="deploy-locale"
              form={FORM_ID}
              value={locale}
              onChange={(e) => setLocale(e.target.value as '' | 'en' | 'cy')}
            >
              <option value="">{t('form.localeDefault')}</option>
              <option value="en">{t('form.languages.en')}</option>
              <option value="cy">{t('form.languages.cy')}</option>
            </select>
          </div>
          <Field
            id="deploy-profile"
            className="deploy-field"
            label={t('form.profile')}
            hint={t('form.profileHint')}
            hintClassName="deploy-muted"
          >
            {(control) => (
              <select
                {...control}
                form={FORM_ID}
                value={fixedProfile}
                onChange={(e) => setFixedProfile(e.target.value as '' | Profile)}
              >
                <option value="">{t('form.profileNone')}</option>
                {PROFILES.map((p) => (
                  <option key={p} value={p}>
                    {t(`form.profiles.${p}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
      </details>

      <div className="deploy-actions">
        <button type="submit" form={FORM_ID} disabled={generate.isPending}>
          {generate.isPending ? t('form.working') : t('form.submit')}
        </button>
      </div>
      {generate.isError && (
        <p role="alert" className="deploy-error">
          {t('form.failed', { message: generate.error.message })}
        </p>
      )}
      {stale && generate.data && (
        <p role="status" className="deploy-notice">
          {t('form.changed')}
        </p>
      )}
      {generate.data && (
        <div ref={previewRef} tabIndex={-1} className="deploy-preview-wrap">
          <PolicyPreview file={generate.data} domains={JSON.parse(made ?? '{}').accountDomains ?? []} />
        </div>
      )}
    </section>
  );
}
