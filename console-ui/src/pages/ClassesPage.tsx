import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { can } from '@waymark/shared';
import { endpoints } from '../lib/api';
import { useSession } from '../lib/session';
import { LiveClassSettings } from '../screens/live/LiveClassSettings';

export function ClassesPage() {
  const { t } = useTranslation();
  const classes = useQuery({ queryKey: ['classes'], queryFn: endpoints.classes });
  const role = useSession().data?.role;
  // Staff with no classes to watch start elsewhere: trust-level staff on the trust's view, the
  // senior leader, governors and the technician on the filtering and monitoring overview.
  if (!can(role, 'watch-own-classes')) {
    if (can(role, 'view-trust-reports')) return <Navigate to="/trust" replace />;
    if (can(role, 'view-reports')) return <Navigate to="/overview" replace />;
  }
  return (
    <section aria-labelledby="classes-heading">
      <h1 id="classes-heading">{t('classes.title')}</h1>
      {classes.isPending && <p>{t('classes.loading')}</p>}
      {classes.isError && <p role="alert">{classes.error.message}</p>}
      {classes.data?.length === 0 && <p>{t('classes.none')}</p>}
      <ul className="class-list">
        {classes.data?.map((c) => (
          <li key={c.id}>
            <Link to={`/classes/${c.id}/live`}>
              <strong>{c.name}</strong>
              <span>{t('classes.summary', { profile: c.profile, count: c.pupilCount })}</span>
            </Link>
          </li>
        ))}
      </ul>
      {can(role, 'live-class-settings') && <LiveClassSettings />}
    </section>
  );
}
