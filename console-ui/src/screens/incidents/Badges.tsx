import { useTranslation } from 'react-i18next';
import type { IncidentStatus, Severity } from '@waymark/shared';

export function StatusBadge({ status }: { status: IncidentStatus }) {
  const { t } = useTranslation('incidents');
  return <span className={`incident-badge status-${status}`}>{t(`statuses.${status}`)}</span>;
}

export function SeverityBadge({ severity }: { severity: Severity }) {
  const { t } = useTranslation('incidents');
  return <span className={`incident-badge severity-${severity}`}>{t(`severities.${severity}`)}</span>;
}

export function IllegalBadge() {
  const { t } = useTranslation('incidents');
  return <span className="incident-badge illegal">{t('list.illegal')}</span>;
}
