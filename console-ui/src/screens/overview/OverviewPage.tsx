import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { can } from '@waymark/shared';
import { useSession } from '../../lib/session';
import { addDays, localToday, mondayOf } from '../reports/periods';
import { LatestChanges } from './LatestChanges';
import { WeekFigures } from './WeekFigures';
import './overview.css';

/**
 * `/overview`: filtering and monitoring at a glance, the first screen of the senior leader (and of
 * the other roles that read reports but watch no class). Figures and changes, never pupil names.
 */
export function OverviewPage() {
  const { t } = useTranslation('overview');
  const session = useSession();
  const role = session.data?.role;
  if (!can(role, 'view-reports')) {
    return (
      <section aria-labelledby="overview-heading">
        <h1 id="overview-heading">{t('title')}</h1>
        <p>{t('notAllowed')}</p>
      </section>
    );
  }
  const lastMonday = addDays(mondayOf(localToday()), -7);
  return (
    <div className="overview">
      <h1 id="overview-heading">{t('title')}</h1>
      <p className="overview-lead">{role === 'senior-leader' ? t('intro.seniorLeader') : t('intro.other')}</p>
      {can(role, 'view-compliance') && (
        <p className="overview-links">
          <Link to="/compliance">{t('compliance')}</Link>
          <Link to="/compliance/review">{t('review')}</Link>
        </p>
      )}
      <WeekFigures week={{ from: lastMonday, to: addDays(lastMonday, 7) }} />
      {can(role, 'view-change-log') && <LatestChanges />}
    </div>
  );
}
