import { useTranslation } from 'react-i18next';
import { HIDDEN_TEST_ADDRESS, HIDDEN_TEST_RULE } from '@waymark/shared';

/** A test address, or (for a role that may not see illegal-category addresses) words saying so. */
export function TestUrl({ url }: { url: string }) {
  const { t } = useTranslation('checks');
  return url === HIDDEN_TEST_ADDRESS ? <em className="checks-hidden">{t('hidden.address')}</em> : <>{url}</>;
}

/** The device's rule, unless it names an illegal-category address the reader may not see. */
export function useRuleText() {
  const { t } = useTranslation('checks');
  return (rule: string) => (rule === HIDDEN_TEST_RULE ? t('hidden.rule') : rule);
}
