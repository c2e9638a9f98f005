import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { can, complianceText, STANDARDS, worstStatus, type ReportLanguage } from '@waymark/shared';
import { useSession } from '../../lib/session';
import { useComplianceReport } from './api';
import { ComplianceItemCard } from './ComplianceItemCard';
import { StatusBadge } from './StatusBadge';
import './compliance.css';

/** 24-hour time, written out: Chromium's ICU has no Welsh (it answers "06:29 PM" for cy-GB). */
function clockTime(iso: string): string {
  const d = new Date(iso);
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

/**
 * `/compliance`: each DfE filtering and monitoring standard with its requirements, their live
 * evidence and status, and the screen that fixes each (DSL, senior leader; governors read it).
 */
export function CompliancePage() {
  const { t, i18n } = useTranslation('compliance');
  const lang: ReportLanguage = i18n.language === 'cy' ? 'cy' : 'en';
  const session = useSession();
  const role = session.data?.role;
  const report = useComplianceReport();
  if (!can(role, 'view-compliance')) {
    return (
      <section aria-labelledby="compliance-heading">
        <h1 id="compliance-heading">{t('title')}</h1>
        <p>{t('notAllowed')}</p>
      </section>
    );
  }
  const text = complianceText(lang);
  const items = report.data?.items ?? [];
  const count = (status: string) => items.filter((i) => i.status === status).length;
  return (
    <div className="compliance">
      <h1 id="compliance-heading">{t('title')}</h1>
      <p className="compliance-lead">{t('intro', { days: String(report.data?.windowDays ?? 30) })}</p>
      <p>
        <Link to="/compliance/review">{t('review.link')}</Link>
      </p>
      {report.isPending && <p role="status">{t('loading')}</p>}
      {report.isError && (
        <p role="alert" className="error">
          {report.error.message}
        </p>
      )}
      {report.data && (
        <>
          <p className="compliance-summary" aria-label={t('summary.label')}>
            <span className="compliance-met">{t('summary.met', { count: count('met') })}</span>
            <span className="compliance-at-risk">{t('summary.atRisk', { count: count('at-risk') })}</span>
            <span className="compliance-not-met">{t('summary.notMet', { count: count('not-met') })}</span>
            <span className="compliance-generated">
              {t('generated', { time: clockTime(report.data.generatedAt) })}
            </span>
          </p>
          {STANDARDS.map((standard) => {
            const own = items.filter((i) => i.standard === standard);
            if (own.length === 0) return null;
            const status = worstStatus(own.map((i) => i.status));
            return (
              <section
                key={standard}
                aria-labelledby={`standard-${standard}`}
                className="compliance-standard"
              >
                <div className="compliance-standard-head">
                  <h2 id={`standard-${standard}`}>{text.standards[standard].title}</h2>
                  <StatusBadge status={status} lang={lang} />
                </div>
                <p className="compliance-requirement">{text.standards[standard].requirement}</p>
                <ul className="compliance-items">
                  {own.map((item) => (
                    <ComplianceItemCard key={item.id} item={item} lang={lang} role={role} />
                  ))}
                </ul>
              </section>
            );
          })}
        </>
      )}
    </div>
  );
}
