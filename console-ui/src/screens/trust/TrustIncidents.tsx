import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { INCIDENT_STATUSES, type IncidentStatus, type TrustSchool } from '@waymark/shared';
import { trustApi } from './api';
import { useTrustFormat } from './format';
import { ScrollRegion } from '../../ui/ScrollRegion';

/** Every school's incident log for the trust's safeguarding lead: the shape of each, not its content. */
export function TrustIncidents({ schools }: { schools: TrustSchool[] }) {
  const { t } = useTranslation('trust');
  const f = useTrustFormat();
  const [school, setSchool] = useState('');
  const [status, setStatus] = useState<IncidentStatus | ''>('open');
  const incidents = useQuery({
    queryKey: ['trust', 'incidents', school, status],
    queryFn: () => trustApi.incidents({ school: school || undefined, status: status || undefined }),
  });
  return (
    <section aria-labelledby="trust-incidents-heading" className="trust-section">
      <h2 id="trust-incidents-heading">{t('incidents.title')}</h2>
      <p>{t('incidents.intro')}</p>
      <div className="trust-filters">
        <label>
          {t('incidents.school')}
          <select value={school} onChange={(e) => setSchool(e.target.value)}>
            <option value="">{t('incidents.allSchools')}</option>
            {schools.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('incidents.status')}
          <select value={status} onChange={(e) => setStatus(e.target.value as IncidentStatus | '')}>
            <option value="">{t('incidents.anyStatus')}</option>
            {INCIDENT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {f.status(s)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {incidents.isPending && <p>{t('loading')}</p>}
      {incidents.isError && <p role="alert">{incidents.error.message}</p>}
      {incidents.data?.length === 0 && <p>{t('incidents.none')}</p>}
      {incidents.data && incidents.data.length > 0 && (
        <ScrollRegion className="trust-table-scroll" label={t('incidents.caption')}>
          <table className="trust-table">
            <caption>{t('incidents.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('incidents.reference')}</th>
                <th scope="col">{t('incidents.school')}</th>
                <th scope="col">{t('incidents.subject')}</th>
                <th scope="col">{t('incidents.category')}</th>
                <th scope="col">{t('incidents.severity')}</th>
                <th scope="col">{t('incidents.status')}</th>
                <th scope="col">{t('incidents.owner')}</th>
                <th scope="col">{t('incidents.followUp')}</th>
                <th scope="col">{t('incidents.raised')}</th>
              </tr>
            </thead>
            <tbody>
              {incidents.data.map((i) => (
                <tr key={i.id}>
                  <th scope="row">
                    {i.reference}
                    {i.illegal && (
                      <span className="trust-badge trust-badge-illegal">{t('incidents.illegal')}</span>
                    )}
                  </th>
                  <td>{i.schoolName}</td>
                  <td>{t(`incidents.subjects.${i.subject}`)}</td>
                  <td>{f.category(i.category)}</td>
                  <td>
                    <span className={`trust-badge trust-severity-${i.severity}`}>
                      {t(`incidents.severities.${i.severity}`)}
                    </span>
                  </td>
                  <td>{f.status(i.status)}</td>
                  <td>{i.ownerName ?? t('incidents.unassigned')}</td>
                  <td>{i.followUpDate ? f.day(i.followUpDate) : '–'}</td>
                  <td>{f.dateTime(i.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </section>
  );
}
