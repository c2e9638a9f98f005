import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { categorySourceKeys, categorySourcesApi } from '../policies/api';

/**
 * Category feeds whose last fetch failed, or whose new version waits for a person: devices keep
 * the last good version meanwhile. Nothing is shown when every list is well (or the person cannot
 * read the lists).
 */
export function CategoryFeedHealth() {
  const { t } = useTranslation('devices');
  const sources = useQuery({
    queryKey: categorySourceKeys.all,
    queryFn: categorySourcesApi.list,
    retry: false,
  });
  const needing = (sources.data ?? []).filter(
    (s) => s.status === 'failed' || s.status === 'awaiting-confirmation',
  );
  if (needing.length === 0) return null;
  return (
    <section aria-labelledby="category-feed-health" data-testid="category-feed-health">
      <h3 id="category-feed-health">{t('categoryFeeds.title')}</h3>
      <p>{t('categoryFeeds.explain')}</p>
      <ul>
        {needing.map((s) => (
          <li key={s.id}>
            <strong>{s.name}</strong>:{' '}
            {s.status === 'failed'
              ? t('categoryFeeds.failed', { error: s.lastError ?? '' })
              : t('categoryFeeds.waiting')}
          </li>
        ))}
      </ul>
      <p>
        <Link to="/policies/imports">{t('categoryFeeds.link')}</Link>
      </p>
    </section>
  );
}
