import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { policiesApi, policyKeys } from './api';
import { ScrollRegion } from '../../ui/ScrollRegion';

/** How each phrase has done at this school: events flagged and false positives the DSL marked, to tune the lists. */
export function PhraseCountsPanel() {
  const { t, i18n } = useTranslation('policies');
  const id = useId();
  const captionId = `${id}-caption`;
  const counts = useQuery({ queryKey: policyKeys.phraseCounts(), queryFn: policiesApi.phraseCounts });
  const percent = new Intl.NumberFormat(i18n.language === 'cy' ? 'cy-GB' : 'en-GB', { style: 'percent' });
  const category = (c: string) => t(`categories.${c}` as 'categories.self-harm', { defaultValue: c });
  return (
    <section aria-labelledby={`${id}-heading`} className="pol-panel">
      <h2 id={`${id}-heading`}>{t('phraseCounts.heading')}</h2>
      <p>{t('phraseCounts.intro')}</p>
      {counts.isError && (
        <p role="alert" className="error">
          {counts.error.message}
        </p>
      )}
      {counts.data?.length === 0 && <p className="pol-muted">{t('phraseCounts.none')}</p>}
      {counts.data && counts.data.length > 0 && (
        <ScrollRegion className="pol-table-scroll" labelledBy={captionId}>
          <table className="pol-data-table" data-testid="phrase-counts">
            <caption id={captionId}>{t('phraseCounts.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('phraseCounts.phrase')}</th>
                <th scope="col">{t('edit.category')}</th>
                <th scope="col" className="pol-numeric">
                  {t('phraseCounts.hits')}
                </th>
                <th scope="col" className="pol-numeric">
                  {t('phraseCounts.falsePositives')}
                </th>
                <th scope="col" className="pol-numeric">
                  {t('phraseCounts.rate')}
                </th>
              </tr>
            </thead>
            <tbody>
              {counts.data.map((p) => (
                <tr key={`${p.category}|${p.phrase}`}>
                  <th scope="row">{p.phrase}</th>
                  <td>{category(p.category)}</td>
                  <td className="pol-numeric">{p.hits}</td>
                  <td className="pol-numeric">{p.falsePositives}</td>
                  <td className="pol-numeric">{percent.format(p.falsePositives / p.hits)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </section>
  );
}
