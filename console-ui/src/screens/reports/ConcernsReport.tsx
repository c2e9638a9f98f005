import { useTranslation } from 'react-i18next';
import { can } from '@waymark/shared';
import { useSession } from '../../lib/session';
import { ConcernList } from './ConcernList';
import { useConcerns } from './concerns-api';

/** Every concern reported from the weekly check, newest first: the head teacher's record of them. */
export function ConcernsReport() {
  const { t } = useTranslation('reports');
  const allowed = can(useSession().data?.role, 'read-concern-reports');
  const concerns = useConcerns(undefined, allowed);
  if (!allowed) return <p role="alert">{t('concerns.notAllowed')}</p>;
  return (
    <section aria-labelledby="concerns-heading">
      <h2 id="concerns-heading">{t('concerns.heading')}</h2>
      <p>{t('concerns.intro')}</p>
      {concerns.isPending && <p role="status">{t('loading')}</p>}
      {concerns.isError && (
        <p role="alert" className="error">
          {t('error', { message: concerns.error.message })}
        </p>
      )}
      {concerns.data &&
        (concerns.data.length === 0 ? (
          <p>{t('concerns.none')}</p>
        ) : (
          <ConcernList concerns={concerns.data} showWeek />
        ))}
    </section>
  );
}
