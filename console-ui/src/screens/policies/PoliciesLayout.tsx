import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import { usePolicyAccess } from './access';
import './policies.css';

const SECTIONS = [
  { to: '/policies', key: 'profiles', editOnly: true },
  { to: '/policies/changes', key: 'changes', editOnly: false },
  { to: '/policies/imports', key: 'imports', editOnly: true },
] as const;

function sectionOf(pathname: string): (typeof SECTIONS)[number]['key'] {
  if (pathname.startsWith('/policies/changes')) return 'changes';
  if (pathname.startsWith('/policies/imports')) return 'imports';
  return 'profiles';
}

/** The policies screens' frame: who may be here, and the links between the screens. */
export function PoliciesLayout() {
  const { t } = useTranslation('policies');
  const { canEdit, canReadLog } = usePolicyAccess();
  const { pathname } = useLocation();
  if (!canEdit && !canReadLog) {
    return (
      <section aria-labelledby="policies-heading" className="policies">
        <h1 id="policies-heading">{t('title')}</h1>
        <div className="pol-notice pol-notice-refused" role="alert">
          <p>{t('access.refused')}</p>
        </div>
        <p>
          <Link to="/">{t('access.back')}</Link>
        </p>
      </section>
    );
  }
  const current = sectionOf(pathname);
  return (
    <div className="policies">
      <nav aria-label={t('sections.label')} className="pol-subnav">
        <ul>
          {SECTIONS.filter((s) => canEdit || !s.editOnly).map((s) => (
            <li key={s.key}>
              <Link to={s.to} aria-current={current === s.key ? 'page' : undefined}>
                {t(`sections.${s.key}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <Outlet />
    </div>
  );
}

/** Shown to governors on screens that change policies: what they may read instead. */
export function EditRefused() {
  const { t } = useTranslation('policies');
  return (
    <section aria-labelledby="policies-heading">
      <h1 id="policies-heading">{t('title')}</h1>
      <div className="pol-notice pol-notice-refused" role="alert">
        <p>{t('access.editRefused')}</p>
      </div>
      <p>
        <Link to="/policies/changes">{t('access.readLog')}</Link>
      </p>
    </section>
  );
}
