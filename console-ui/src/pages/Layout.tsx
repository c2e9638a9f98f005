import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, NavLink, Outlet, useNavigate } from 'react-router';
import { can, type Capability } from '@waymark/shared';
import { LANGUAGES } from '../i18n';
import { AlertBanner } from '../screens/alerts/AlertBanner';
import { endpoints } from '../lib/api';
import { useSession } from '../lib/session';

/** Each screen in the navigation, shown only to the roles that may use it. */
const NAV: Array<{
  to: string;
  label:
    | 'classes'
    | 'overview'
    | 'alerts'
    | 'incidents'
    | 'policies'
    | 'devices'
    | 'checks'
    | 'visitors'
    | 'accounts'
    | 'roster'
    | 'reports'
    | 'compliance'
    | 'trust';
  any: Capability[];
}> = [
  { to: '/', label: 'classes', any: ['watch-own-classes'] },
  { to: '/overview', label: 'overview', any: ['view-reports'] },
  // The DSLs; the senior leader reaches alerts escalated to them from the banner.
  { to: '/alerts', label: 'alerts', any: ['alert-settings'] },
  { to: '/incidents', label: 'incidents', any: ['raise-incident', 'work-incident-log'] },
  { to: '/policies', label: 'policies', any: ['edit-policies', 'view-change-log'] },
  { to: '/devices', label: 'devices', any: ['manage-devices'] },
  { to: '/checks', label: 'checks', any: ['run-filtering-checks'] },
  { to: '/visitors', label: 'visitors', any: ['issue-visitor-passes'] },
  { to: '/accounts', label: 'accounts', any: ['manage-accounts'] },
  { to: '/roster', label: 'roster', any: ['manage-classes'] },
  { to: '/reports', label: 'reports', any: ['view-reports'] },
  { to: '/compliance', label: 'compliance', any: ['view-compliance'] },
  { to: '/trust', label: 'trust', any: ['view-trust-reports'] },
];

export function Layout() {
  const session = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { t, i18n } = useTranslation();
  if (session.isPending) return <p className="loading">{t('loading')}</p>;
  if (session.isError)
    return <p role="alert">{t('serverUnreachable', { message: session.error.message })}</p>;
  if (!session.data) return <Navigate to="/sign-in" replace />;
  const staff = session.data;

  async function signOut() {
    await endpoints.logout();
    queryClient.clear();
    navigate('/sign-in');
  }

  return (
    <>
      <a className="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <header className="topbar">
        <Link to="/" className="brand">
          {t('brand')}
        </Link>
        <span className="school">
          {can(staff.role, 'view-trust-reports') && staff.trustName ? staff.trustName : staff.schoolName}
        </span>
        <nav aria-label={t('nav.label')}>
          <ul>
            {NAV.filter((item) => item.any.some((c) => can(staff.role, c))).map((item) => (
              <li key={item.to}>
                <NavLink to={item.to} end={item.to === '/'}>
                  {t(`nav.${item.label}`)}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <details className="account">
          <summary>
            {staff.name} <span className="visually-hidden">· {t('account.menu')}</span>
          </summary>
          <div className="account-menu">
            <p>
              {t('account.signedInAs', { name: staff.email })}
              <br />
              {t(`roles.${staff.role}`)}
            </p>
            <label htmlFor="language">{t('account.language')}</label>
            <select
              id="language"
              value={i18n.language}
              onChange={(e) => void i18n.changeLanguage(e.target.value)}
            >
              {LANGUAGES.map((lng) => (
                <option key={lng} value={lng} lang={lng}>
                  {t(`languages.${lng}`)}
                </option>
              ))}
            </select>
            <button type="button" onClick={() => void signOut()}>
              {t('account.signOut')}
            </button>
          </div>
        </details>
      </header>
      <main className="content" id="main" tabIndex={-1}>
        {can(staff.role, 'acknowledge-alerts') && <AlertBanner />}
        <Outlet />
      </main>
    </>
  );
}
