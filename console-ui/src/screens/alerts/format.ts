import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { reportLabel, type Alert, type AlertRecipient } from '@waymark/shared';

/** An alert's words in the console's language: what it is about, who it is with, where it stands. */
export function useAlertFormat() {
  const { t, i18n } = useTranslation('alerts');
  const lang = i18n.language === 'cy' ? 'cy' : 'en';
  return useMemo(() => {
    const dated = new Intl.DateTimeFormat(lang === 'cy' ? 'cy-GB' : 'en-GB', {
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    const when = (iso: string) => dated.format(new Date(iso));
    const whom = (to: AlertRecipient) => t(`recipients.${to}`);
    const next: Record<AlertRecipient, AlertRecipient | null> = {
      dsl: 'deputy-dsl',
      'deputy-dsl': 'senior-leader',
      'senior-leader': null,
    };
    return {
      when,
      whom,
      about: (topic: string) =>
        topic === 'concern' || topic === 'tamper'
          ? t(`topics.${topic}`)
          : reportLabel(lang, 'categories', topic),
      status: (a: Alert) => {
        if (a.acknowledgedAt)
          return t('status.acknowledged', { name: a.acknowledgedByName ?? '', time: when(a.acknowledgedAt) });
        const further = next[a.escalatedTo];
        return a.escalateAt && further
          ? t('status.escalatesAt', { whom: whom(further), time: when(a.escalateAt) })
          : t('status.waiting');
      },
    };
  }, [t, lang]);
}
