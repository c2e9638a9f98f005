import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CreatedEnrollmentToken } from '@waymark/shared';
import { deviceKeys, devicesApi } from './api';
import { CreatedToken } from './CreatedToken';
import { TokenForm } from './TokenForm';
import { TokenList } from './TokenList';
import { useCanManageDevices, useDeviceClasses } from './use-device-health';

/** Enrollment tokens: what a device presents the first time it connects, to join the school. */
export function TokensPage() {
  const { t } = useTranslation('devices');
  const allowed = useCanManageDevices();
  const queryClient = useQueryClient();
  const classes = useDeviceClasses();
  const tokens = useQuery({ queryKey: deviceKeys.tokens(), queryFn: devicesApi.tokens, enabled: allowed });
  const [created, setCreated] = useState<CreatedEnrollmentToken | null>(null);
  const revoke = useMutation({
    mutationFn: devicesApi.revokeToken,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: deviceKeys.tokens() }),
  });

  return (
    <section aria-labelledby="tokens-heading" className="tokens-page">
      <h2 id="tokens-heading">{t('tokens.title')}</h2>
      <p>
        {t('tokens.intro')} <Link to="/devices/deploy">{t('tokens.deployLink')}</Link>
      </p>
      {created && <CreatedToken created={created} onDone={() => setCreated(null)} />}
      <TokenForm
        classes={classes.data ?? []}
        onCreated={(token) => {
          setCreated(token);
          void queryClient.invalidateQueries({ queryKey: deviceKeys.tokens() });
        }}
      />
      <h3 id="token-list-heading">{t('tokens.listTitle')}</h3>
      {tokens.isPending && <p role="status">{t('loading')}</p>}
      {tokens.isError && (
        <p role="alert" className="error">
          {tokens.error.message}
        </p>
      )}
      {revoke.isError && (
        <p role="alert" className="error">
          {revoke.error.message}
        </p>
      )}
      {tokens.data &&
        (tokens.data.length === 0 ? (
          <p className="devices-empty">{t('tokens.none')}</p>
        ) : (
          <TokenList
            tokens={tokens.data}
            classes={classes.data ?? []}
            revoking={revoke.isPending ? revoke.variables : null}
            onRevoke={(id) => revoke.mutateAsync(id)}
          />
        ))}
    </section>
  );
}
