import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { endpoints } from '../lib/api';

export function SignInPage() {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const providers = useQuery({ queryKey: ['providers'], queryFn: endpoints.providers });
  const signIn = useMutation({
    mutationFn: () => endpoints.login(email, password),
    onSuccess: ({ staff }) => {
      queryClient.setQueryData(['me'], staff);
      navigate('/');
    },
  });

  function submit(e: FormEvent) {
    e.preventDefault();
    signIn.mutate();
  }

  return (
    <main className="sign-in">
      <h1>{t('signIn.title')}</h1>
      <p>{t('signIn.intro')}</p>
      {params.get('error') && (
        <p role="alert" className="error">
          {params.get('error')}
        </p>
      )}
      {providers.data?.map((p) => (
        <p key={p.id}>
          <a className="sso" href={`/api/auth/oidc/${p.id}/start`}>
            {t('signIn.withProvider', { provider: p.label })}
          </a>
        </p>
      ))}
      <form onSubmit={submit}>
        <label htmlFor="email">{t('signIn.email')}</label>
        <input
          id="email"
          type="email"
          autoComplete="username"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
        />
        <label htmlFor="password">{t('signIn.password')}</label>
        <input
          id="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        {signIn.isError && (
          <p role="alert" className="error">
            {signIn.error.message}
          </p>
        )}
        <button type="submit" disabled={signIn.isPending}>
          {signIn.isPending ? t('signIn.submitting') : t('signIn.submit')}
        </button>
      </form>
    </main>
  );
}
