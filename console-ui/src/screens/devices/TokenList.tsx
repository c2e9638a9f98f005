import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviceClass, EnrollmentTokenSummary } from '@waymark/shared';
import { useDeviceFormatters } from './format';
import { ScrollRegion } from '../../ui/ScrollRegion';

type TokenState = 'active' | 'revoked' | 'expired' | 'usedUp';

export function tokenState(token: EnrollmentTokenSummary, now = Date.now()): TokenState {
  if (token.revokedAt) return 'revoked';
  if (token.expiresAt && new Date(token.expiresAt).getTime() <= now) return 'expired';
  if (token.maxUses !== null && token.uses >= token.maxUses) return 'usedUp';
  return 'active';
}

const BADGE: Record<TokenState, string> = {
  active: 'device-badge-ok',
  revoked: 'device-badge-neutral',
  expired: 'device-badge-neutral',
  usedUp: 'device-badge-warn',
};

/** Every token with its uses; revoking asks once more, since devices not yet enrolled will be refused. */
export function TokenList({
  tokens,
  classes,
  revoking,
  onRevoke,
}: {
  tokens: EnrollmentTokenSummary[];
  classes: DeviceClass[];
  revoking: string | null | undefined;
  onRevoke: (id: string) => Promise<unknown>;
}) {
  const { t } = useTranslation('devices');
  const format = useDeviceFormatters();
  const [confirming, setConfirming] = useState<string | null>(null);
  const className = (id: string) => classes.find((c) => c.id === id)?.name ?? id;

  return (
    <ScrollRegion className="devices-table-scroll" labelledBy="token-list-caption">
      <table className="devices-table token-table">
        <caption id="token-list-caption" className="devices-visually-hidden">
          {t('tokens.caption')}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('tokens.label')}</th>
            <th scope="col">{t('tokens.for')}</th>
            <th scope="col">{t('tokens.uses')}</th>
            <th scope="col">{t('tokens.expires')}</th>
            <th scope="col">{t('tokens.created')}</th>
            <th scope="col">{t('tokens.state')}</th>
            <th scope="col">
              <span className="devices-visually-hidden">{t('tokens.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {tokens.map((token) => {
            const state = tokenState(token);
            return (
              <tr key={token.id} data-testid="token-row">
                <th scope="row">{token.label}</th>
                <td>
                  {token.classId
                    ? className(token.classId)
                    : token.profile
                      ? t(`profiles.${token.profile}`)
                      : t('tokens.forNothingShort')}
                </td>
                <td>
                  {token.maxUses === null
                    ? t('tokens.usesUnlimited', { uses: token.uses })
                    : t('tokens.usesOf', { uses: token.uses, max: token.maxUses })}
                </td>
                <td>{token.expiresAt ? format.dateTime(token.expiresAt) : t('tokens.never')}</td>
                <td>{format.dateTime(token.createdAt)}</td>
                <td>
                  <span className={`device-badge ${BADGE[state]}`}>{t(`tokenState.${state}`)}</span>
                </td>
                <td className="token-actions">
                  {token.revokedAt ? null : confirming === token.id ? (
                    <div role="group" aria-label={t('tokens.confirmLabel', { label: token.label })}>
                      <p className="devices-muted">{t('tokens.confirm')}</p>
                      <button
                        type="button"
                        className="danger small"
                        disabled={revoking === token.id}
                        onClick={() => void onRevoke(token.id).finally(() => setConfirming(null))}
                      >
                        {t('tokens.confirmRevoke')}
                      </button>{' '}
                      <button type="button" className="secondary small" onClick={() => setConfirming(null)}>
                        {t('tokens.cancel')}
                      </button>
                    </div>
                  ) : (
                    <button
                      type="button"
                      className="secondary small"
                      onClick={() => setConfirming(token.id)}
                      aria-label={t('tokens.revokeLabel', { label: token.label })}
                    >
                      {t('tokens.revoke')}
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
