import { complianceText, type ComplianceStatus, type ReportLanguage } from '@waymark/shared';

const MARK: Record<ComplianceStatus, string> = { met: '✓', 'at-risk': '!', 'not-met': '✕' };

/** A status in words with a mark (never colour alone). */
export function StatusBadge({ status, lang }: { status: ComplianceStatus; lang: ReportLanguage }) {
  return (
    <span className={`compliance-status compliance-${status}`}>
      <span aria-hidden="true">{MARK[status]}</span> {complianceText(lang).statuses[status]}
    </span>
  );
}
