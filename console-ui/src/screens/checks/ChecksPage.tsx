import { useTranslation } from 'react-i18next';
import { can } from '@waymark/shared';
import { useSession } from '../../lib/session';
import { CheckHistory } from './CheckHistory';
import { RunCheckForm } from './RunCheckForm';
import { ScheduleForm } from './ScheduleForm';
import { TestAddresses } from './TestAddresses';
import './checks.css';

/** Filtering checks: run one, the checks kept, the test addresses and the schedule. */
export function ChecksPage() {
  const { t } = useTranslation('checks');
  const allowed = can(useSession().data?.role, 'run-filtering-checks');
  if (!allowed) {
    return (
      <section aria-labelledby="checks-heading">
        <h1 id="checks-heading">{t('title')}</h1>
        <p role="alert">{t('refused')}</p>
      </section>
    );
  }
  return (
    <section aria-labelledby="checks-heading" className="checks-page">
      <h1 id="checks-heading">{t('title')}</h1>
      <p className="checks-lead">{t('intro')}</p>
      <RunCheckForm />
      <CheckHistory />
      <TestAddresses />
      <ScheduleForm />
    </section>
  );
}
