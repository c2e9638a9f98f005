import { useTranslation } from 'react-i18next';
import { NavLink, Outlet, useLocation } from 'react-router';
import { can } from '@waymark/shared';
import { useSession } from '../../lib/session';
import { useReportLabels } from './labels';
import { localToday } from './periods';
import './reports.css';

/** The reports screen's frame: its title, its own navigation (the pupils for the DSL only) and the page. */
export function ReportsPage() {
  const { t } = useTranslation('reports');
  const labels = useReportLabels();
  const session = useSession();
  const location = useLocation();
  const role = session.data?.role;
  if (!can(role, 'view-reports')) {
    return (
      <section aria-labelledby="reports-heading">
        <h1 id="reports-heading">{t('title')}</h1>
        <p>{t('notAllowed')}</p>
      </section>
    );
  }
  // The period travels between the overview and the pupils report; the digest has its own weeks.
  const period = new URLSearchParams(location.search);
  for (const key of [...period.keys()]) if (!['period', 'from', 'until'].includes(key)) period.delete(key);
  const search = period.toString();
  return (
    <div className="reports">
      <div className="reports-head">
        <h1 id="reports-heading">{t('title')}</h1>
        <p className="report-print-only">
          {session.data?.schoolName} · {t('printedOn', { date: labels.longDate(localToday()) })}
        </p>
      </div>
      <nav aria-label={t('nav.label')} className="reports-nav">
        <ul>
          <li>
            <NavLink to={{ pathname: '/reports', search }} end>
              {t('nav.overview')}
            </NavLink>
          </li>
          <li>
            <NavLink to="/reports/digest">{t('nav.digest')}</NavLink>
          </li>
          {can(role, 'read-concern-reports') && (
            <li>
              <NavLink to="/reports/concerns">{t('nav.concerns')}</NavLink>
            </li>
          )}
          {can(role, 'see-pupil-names-in-reports') && (
            <li>
              <NavLink to={{ pathname: '/reports/pupils', search }}>{t('nav.pupils')}</NavLink>
            </li>
          )}
        </ul>
      </nav>
      <Outlet />
    </div>
  );
}
