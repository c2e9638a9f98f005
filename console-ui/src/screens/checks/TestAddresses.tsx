import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CATEGORIES, type Category } from '@waymark/shared';
import { checkKeys, checksApi } from './api';
import { TestUrl } from './TestUrl';

/** The test addresses a check sends: the starter set, and the school's own (added and removed here). */
export function TestAddresses() {
  const { t } = useTranslation('checks');
  const queryClient = useQueryClient();
  const addresses = useQuery({ queryKey: checkKeys.addresses(), queryFn: checksApi.addresses });
  const [url, setUrl] = useState('');
  const [category, setCategory] = useState<Category>('illegal-csam');
  const [note, setNote] = useState('');
  const refresh = () => queryClient.invalidateQueries({ queryKey: checkKeys.addresses() });
  const add = useMutation({
    mutationFn: checksApi.addAddress,
    onSuccess: () => {
      setUrl('');
      setNote('');
      void refresh();
    },
  });
  const remove = useMutation({ mutationFn: checksApi.removeAddress, onSuccess: refresh });

  function submit(e: FormEvent) {
    e.preventDefault();
    add.mutate({ url, category, note });
  }

  return (
    <section aria-labelledby="addresses-heading">
      <h2 id="addresses-heading">{t('addresses.title')}</h2>
      <p className="hint">{t('addresses.hint')}</p>
      {addresses.isError && (
        <p role="alert" className="error">
          {addresses.error.message}
        </p>
      )}
      {remove.isError && (
        <p role="alert" className="error">
          {remove.error.message}
        </p>
      )}
      {addresses.data && (
        <table aria-labelledby="addresses-heading" data-testid="test-addresses" className="checks-table">
          <thead>
            <tr>
              <th scope="col">{t('addresses.url')}</th>
              <th scope="col">{t('addresses.category')}</th>
              <th scope="col">{t('addresses.note')}</th>
              <th scope="col">{t('addresses.source')}</th>
            </tr>
          </thead>
          <tbody>
            {addresses.data.map((a) => (
              <tr key={a.id}>
                <th scope="row" className="checks-url">
                  <TestUrl url={a.url} />
                </th>
                <td>{t(`categories.${a.category}`)}</td>
                <td>{a.note}</td>
                <td>
                  {a.source === 'starter' ? (
                    t('addresses.starter')
                  ) : (
                    <>
                      {t('addresses.school', { name: a.addedBy ?? '' })}{' '}
                      <button
                        type="button"
                        className="secondary"
                        aria-label={t('addresses.removeLabel', { url: a.url })}
                        onClick={() => remove.mutate(a.id)}
                      >
                        {t('addresses.remove')}
                      </button>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form onSubmit={submit} aria-labelledby="add-address-heading" className="checks-add">
        <h3 id="add-address-heading">{t('addresses.addTitle')}</h3>
        <p>
          <label htmlFor="address-url">{t('addresses.url')}</label>
          <br />
          <input
            id="address-url"
            type="url"
            required
            size={50}
            maxLength={2048}
            value={url}
            onChange={(e) => setUrl(e.target.value)}
          />
        </p>
        <p>
          <label htmlFor="address-category">{t('addresses.category')}</label>
          <br />
          <select
            id="address-category"
            value={category}
            onChange={(e) => setCategory(e.target.value as Category)}
          >
            {CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {t(`categories.${c}`)}
              </option>
            ))}
          </select>
        </p>
        <p>
          <label htmlFor="address-note">{t('addresses.note')}</label>
          <br />
          <input
            id="address-note"
            required
            minLength={3}
            maxLength={300}
            size={50}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
        </p>
        {add.isError && (
          <p role="alert" className="error">
            {add.error.message}
          </p>
        )}
        <button type="submit" disabled={add.isPending}>
          {t('addresses.add')}
        </button>
      </form>
    </section>
  );
}
