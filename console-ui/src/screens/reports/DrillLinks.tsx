import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PupilFilter } from '@waymark/shared';
import { usePeriod } from './use-period';

interface DrillTarget {
  key: string;
  name: string;
  count: number;
  filter: PupilFilter;
}

/** The DSL's way from a figure to the pupils behind it. */
export function DrillLinks({ targets }: { targets: DrillTarget[] }) {
  const { t } = useTranslation('reports');
  const { searchString } = usePeriod();
  if (targets.length === 0) return null;
  return (
    <details className="report-drill">
      <summary>{t('drill.label')}</summary>
      <ul>
        {targets.map((target) => {
          const search = new URLSearchParams(searchString);
          for (const [key, value] of Object.entries(target.filter)) if (value) search.set(key, value);
          return (
            <li key={target.key}>
              <Link to={{ pathname: '/reports/pupils', search: search.toString() }}>
                {t('drill.link', { name: target.name, number: target.count })}
              </Link>
            </li>
          );
        })}
      </ul>
    </details>
  );
}
