import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can, staffContract, type StaffListItem, type UpdateStaffBody } from '@waymark/shared';
import { call } from '../../lib/call';
import { useSession } from '../../lib/session';

const KEY = ['staff-accounts'] as const;

const staffApi = {
  list: () => call(staffContract.list).then((r) => r.staff),
  update: ({ id, body }: { id: string; body: UpdateStaffBody }) =>
    call(staffContract.update, { params: { id }, body }),
};

/** Staff accounts, for the school admin: who holds which role, and which DSLs are deputies. */
export function AccountsPage() {
  const { t } = useTranslation('accounts');
  const { t: tc } = useTranslation();
  const allowed = can(useSession().data?.role, 'manage-accounts');
  const queryClient = useQueryClient();
  const accounts = useQuery({ queryKey: KEY, queryFn: staffApi.list, enabled: allowed });
  const [saved, setSaved] = useState('');
  const setDeputy = useMutation({
    mutationFn: ({ account, deputyDsl }: { account: StaffListItem; deputyDsl: boolean }) =>
      staffApi.update({ id: account.id, body: { deputyDsl } }),
    onMutate: () => setSaved(''),
    // Said once the list shows it: the check box follows the server's answer, not the click.
    onSuccess: async (_, { account, deputyDsl }) => {
      await queryClient.invalidateQueries({ queryKey: KEY });
      setSaved(t(deputyDsl ? 'saved_on' : 'saved_off', { name: account.name }));
    },
  });

  if (!allowed) {
    return (
      <section aria-labelledby="accounts-heading">
        <h1 id="accounts-heading">{t('title')}</h1>
        <p role="alert">{t('refused')}</p>
      </section>
    );
  }

  const status = (a: StaffListItem) =>
    a.disabled
      ? t('list.disabled')
      : a.lockedUntil && Date.parse(a.lockedUntil) > Date.now()
        ? t('list.locked')
        : t('list.active');
  const dsls = accounts.data?.filter((a) => a.role === 'dsl' && !a.disabled) ?? [];

  return (
    <section aria-labelledby="accounts-heading" className="accounts-page">
      <h1 id="accounts-heading">{t('title')}</h1>
      <p>{t('intro')}</p>
      {accounts.isPending && <p role="status">{t('loading')}</p>}
      {accounts.isError && (
        <p role="alert" className="error">
          {accounts.error.message}
        </p>
      )}
      {setDeputy.isError && (
        <p role="alert" className="error">
          {setDeputy.error.message}
        </p>
      )}
      <p role="status" data-testid="accounts-status">
        {saved}
      </p>
      {dsls.length > 0 && !dsls.some((a) => a.deputyDsl) && <p className="hint">{t('noDeputy')}</p>}
      {accounts.data &&
        (accounts.data.length === 0 ? (
          <p>{t('none')}</p>
        ) : (
          <table aria-labelledby="accounts-heading" data-testid="staff-accounts">
            <thead>
              <tr>
                <th scope="col">{t('list.name')}</th>
                <th scope="col">{t('list.email')}</th>
                <th scope="col">{t('list.role')}</th>
                <th scope="col">{t('list.status')}</th>
                <th scope="col">{t('list.deputy')}</th>
              </tr>
            </thead>
            <tbody>
              {accounts.data.map((a) => (
                <tr key={a.id}>
                  <th scope="row">{a.name}</th>
                  <td>{a.email}</td>
                  <td>{tc(`roles.${a.role}`)}</td>
                  <td>{a.manageable ? status(a) : t('list.notManaged')}</td>
                  <td>
                    {a.role === 'dsl' && a.manageable && (
                      <label>
                        <input
                          type="checkbox"
                          aria-label={t('list.deputyName', { name: a.name })}
                          checked={a.deputyDsl}
                          disabled={setDeputy.isPending}
                          onChange={(e) => setDeputy.mutate({ account: a, deputyDsl: e.target.checked })}
                        />{' '}
                        {t('list.deputyLabel')}
                      </label>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
    </section>
  );
}
