import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { can, type AddressResult, type DeviceCheckResult } from '@waymark/shared';
import { useSession } from '../../lib/session';
import { checkKeys, checksApi } from './api';
import { useCheckResult } from './CheckHistory';
import { FollowUps } from './FollowUps';
import { useWhen } from './format';
import { TestUrl, useRuleText } from './TestUrl';
import './checks.css';

/** One check: each device's answer, the failures highlighted, and what was done about them. */
export function CheckPage() {
  const { t } = useTranslation('checks');
  const { checkId = '' } = useParams();
  const allowed = can(useSession().data?.role, 'run-filtering-checks');
  const when = useWhen();
  const summary = useCheckResult();
  const check = useQuery({
    queryKey: checkKeys.one(checkId),
    queryFn: () => checksApi.one(checkId),
    enabled: allowed,
  });
  if (!allowed) {
    return (
      <section aria-labelledby="check-heading">
        <h1 id="check-heading">{t('title')}</h1>
        <p role="alert">{t('refused')}</p>
      </section>
    );
  }
  if (check.isPending) return <p role="status">{t('loading')}</p>;
  if (check.isError)
    return (
      <p role="alert" className="error">
        {check.error.message}
      </p>
    );
  const c = check.data;
  const flagged = c.devices.flatMap((d) =>
    d.results.filter((r) => r.outcome !== 'pass').map((r) => ({ device: d, result: r })),
  );
  return (
    <section aria-labelledby="check-heading" className="checks-page">
      <p>
        <Link to="/checks">{t('result.back')}</Link>
      </p>
      <h1 id="check-heading">{t('result.title', { when: when(c.startedAt) })}</h1>
      <p>
        {t('result.summary', {
          on: c.targetLabel,
          by: c.staffName ?? t('history.scheduled'),
          count: c.addresses.length,
        })}{' '}
        <strong data-testid="check-summary">{summary(c)}</strong>
      </p>

      <h2 id="devices-heading">{t('result.devicesHeading')}</h2>
      <table aria-labelledby="devices-heading" data-testid="check-devices" className="checks-table">
        <thead>
          <tr>
            <th scope="col">{t('result.device')}</th>
            <th scope="col">{t('result.className')}</th>
            <th scope="col">{t('result.profile')}</th>
            <th scope="col">{t('result.status')}</th>
            <th scope="col">{t('result.version')}</th>
            <th scope="col">{t('result.outcome')}</th>
          </tr>
        </thead>
        <tbody>
          {c.devices.map((d) => (
            <DeviceRow key={d.deviceId} device={d} />
          ))}
        </tbody>
      </table>

      <h2 id="failures-heading">{t('result.failuresHeading')}</h2>
      {flagged.length === 0 ? (
        <p>{t('result.noFailures')}</p>
      ) : (
        <table aria-labelledby="failures-heading" data-testid="check-failures" className="checks-table">
          <thead>
            <tr>
              <th scope="col">{t('result.device')}</th>
              <th scope="col">{t('result.address')}</th>
              <th scope="col">{t('result.category')}</th>
              <th scope="col">{t('result.verdict')}</th>
              <th scope="col">{t('result.expected')}</th>
              <th scope="col">{t('result.rule')}</th>
              <th scope="col">{t('result.outcome')}</th>
            </tr>
          </thead>
          <tbody>
            {flagged.map(({ device, result }, i) => (
              <tr key={`${device.deviceId} ${i}`} className={`checks-${result.outcome}`}>
                <th scope="row">{device.deviceName}</th>
                <ResultCells result={result} />
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {c.devices
        .filter((d) => d.results.length > 0)
        .map((d) => (
          <details key={d.deviceId} className="checks-details">
            <summary>{t('result.allResults', { device: d.deviceName })}</summary>
            <table className="checks-table">
              <caption className="visually-hidden">
                {t('result.allResults', { device: d.deviceName })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('result.address')}</th>
                  <th scope="col">{t('result.category')}</th>
                  <th scope="col">{t('result.verdict')}</th>
                  <th scope="col">{t('result.expected')}</th>
                  <th scope="col">{t('result.rule')}</th>
                  <th scope="col">{t('result.outcome')}</th>
                </tr>
              </thead>
              <tbody>
                {d.results.map((r, i) => (
                  <tr key={i} className={`checks-${r.outcome}`}>
                    <ResultCells result={r} rowHeader />
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        ))}

      <FollowUps check={c} />
    </section>
  );
}

function DeviceRow({ device: d }: { device: DeviceCheckResult }) {
  const { t } = useTranslation('checks');
  const fails = d.results.filter((r) => r.outcome === 'fail').length;
  const gaps = d.results.filter((r) => r.outcome === 'gap').length;
  const stale =
    d.policyVersion !== null && d.serverPolicyVersion !== null && d.policyVersion < d.serverPolicyVersion;
  return (
    <tr className={fails > 0 ? 'checks-fail' : d.status !== 'checked' ? 'checks-unchecked' : undefined}>
      <th scope="row">{d.deviceName}</th>
      <td>{d.className ?? t('result.noClass')}</td>
      <td>{d.profile ?? t('result.noClass')}</td>
      <td>
        {t(`result.statuses.${d.status}`)}
        {d.error && <span className="hint"> ({d.error})</span>}
      </td>
      <td>
        {d.policyVersion ?? '–'} / {d.serverPolicyVersion ?? '–'}
        {stale && <strong className="checks-stale"> {t('result.stale')}</strong>}
      </td>
      <td>
        {d.status !== 'checked'
          ? '–'
          : fails + gaps === 0
            ? t('history.allPassed')
            : [
                fails > 0 ? t('history.failures', { count: fails }) : null,
                gaps > 0 ? t('history.gaps', { count: gaps }) : null,
              ]
                .filter(Boolean)
                .join(' · ')}
      </td>
    </tr>
  );
}

function ResultCells({ result: r, rowHeader = false }: { result: AddressResult; rowHeader?: boolean }) {
  const { t } = useTranslation('checks');
  const ruleText = useRuleText();
  return (
    <>
      {rowHeader ? (
        <th scope="row" className="checks-url">
          <TestUrl url={r.url} />
        </th>
      ) : (
        <td className="checks-url">
          <TestUrl url={r.url} />
        </td>
      )}
      <td>{t(`categories.${r.category}`)}</td>
      <td>{t(`result.verdicts.${r.verdict}`)}</td>
      <td>{t(`result.verdicts.${r.expected}`)}</td>
      <td>{ruleText(r.rule)}</td>
      <td>
        <strong>{t(`result.outcomes.${r.outcome}`)}</strong>
      </td>
    </>
  );
}
