import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { trustApi } from './api';
import { useTrustFormat } from './format';
import { ScrollRegion } from '../../ui/ScrollRegion';
import './trust.css';

/** One school's pupils by blocked attempts, flagged searches and requests for help (trust safeguarding lead). */
export function TrustPupilsPage() {
  const { t } = useTranslation('trust');
  const f = useTrustFormat();
  const { schoolId = '' } = useParams();
  const [search] = useSearchParams();
  const period = { from: search.get('from') ?? undefined, to: search.get('to') ?? undefined };
  const report = useQuery({
    queryKey: ['trust', 'pupils', schoolId, period.from, period.to],
    queryFn: () => trustApi.pupils(schoolId, period),
  });
  return (
    <div className="trust">
      <p>
        <Link to="/trust">{t('pupils.back')}</Link>
      </p>
      <h1>{t('pupils.title', { school: report.data?.school.name ?? '' })}</h1>
      {report.isPending && <p>{t('loading')}</p>}
      {report.isError && <p role="alert">{report.error.message}</p>}
      {report.data?.pupils.length === 0 && <p>{t('pupils.none')}</p>}
      {report.data && report.data.pupils.length > 0 && (
        <ScrollRegion
          className="trust-table-scroll"
          label={t('pupils.caption', { from: f.day(report.data.from), to: f.day(report.data.to) })}
        >
          <table className="trust-table">
            <caption>
              {t('pupils.caption', { from: f.day(report.data.from), to: f.day(report.data.to) })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('pupils.pupil')}</th>
                <th scope="col">{t('pupils.class')}</th>
                <th scope="col" className="numeric">
                  {t('pupils.blocked')}
                </th>
                <th scope="col" className="numeric">
                  {t('pupils.flaggedSearches')}
                </th>
                <th scope="col" className="numeric">
                  {t('pupils.concerns')}
                </th>
              </tr>
            </thead>
            <tbody>
              {report.data.pupils.map((p) => (
                <tr key={`${p.pupil}/${p.className ?? ''}`}>
                  <th scope="row">{p.pupil}</th>
                  <td>{p.className ?? t('pupils.noClass')}</td>
                  <td className="numeric">{f.number(p.blocked)}</td>
                  <td className="numeric">{f.number(p.flaggedSearches)}</td>
                  <td className="numeric">{f.number(p.concerns)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </div>
  );
}
