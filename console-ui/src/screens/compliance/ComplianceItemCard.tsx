import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  complianceFigure,
  complianceReason,
  complianceText,
  type ComplianceItem,
  type ReportLanguage,
  type Role,
} from '@waymark/shared';
import { canOpen } from './fix-access';
import { StatusBadge } from './StatusBadge';

/** One requirement: its plain words, its status and why, its evidence, and where it is fixed. */
export function ComplianceItemCard({
  item,
  lang,
  role,
}: {
  item: ComplianceItem;
  lang: ReportLanguage;
  role: Role | undefined;
}) {
  const { t } = useTranslation('compliance');
  const text = complianceText(lang).items[item.id];
  const headingId = `compliance-${item.id}`;
  const screen = item.fix ? t(`screens.${item.fix}` as 'screens./devices', { defaultValue: item.fix }) : null;
  return (
    <li className="compliance-item" aria-labelledby={headingId} data-testid={`compliance-${item.id}`}>
      <div className="compliance-item-head">
        <h3 id={headingId}>{text.title}</h3>
        <StatusBadge status={item.status} lang={lang} />
      </div>
      <p className="compliance-requirement">{text.requirement}</p>
      <p className="compliance-reason">
        <strong>{t('why')}:</strong> {complianceReason(lang, item)}
      </p>
      <dl className="compliance-figures" aria-label={t('evidence')}>
        {item.figures.map((f) => (
          <div key={f.key}>
            <dt>{complianceText(lang).figures[f.key] ?? f.key}</dt>
            <dd>{complianceFigure(lang, f.key, f.value)}</dd>
          </div>
        ))}
      </dl>
      <p className="compliance-fix">
        {item.fix && screen ? (
          canOpen(role, item.fix) ? (
            <Link to={item.fix}>{t('fix.link', { screen })}</Link>
          ) : (
            t('fix.elsewhere', { screen })
          )
        ) : item.id === 'named-roles' ? (
          t('fix.roles')
        ) : item.id === 'filtering-checks' ? (
          t('fix.checks')
        ) : (
          t('fix.none')
        )}
      </p>
    </li>
  );
}
