import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { BadLine } from './api';
import { ScrollRegion } from '../../ui/ScrollRegion';

/** The lines of an imported file that were not used, by number, with the reason. */
export function BadLinesTable({ bad, total }: { bad: BadLine[]; total: number }) {
  const { t } = useTranslation('policies');
  const captionId = useId();
  if (total === 0) return <p>{t('bad.none')}</p>;
  const withFiles = bad.some((b) => b.file);
  return (
    <ScrollRegion className="pol-table-scroll pol-bad-lines" labelledBy={captionId}>
      <table className="pol-data-table" data-testid="bad-lines">
        <caption id={captionId}>
          {bad.length < total
            ? t('bad.captionSome', { count: total, shown: bad.length })
            : t('bad.caption', { count: total })}
        </caption>
        <thead>
          <tr>
            {withFiles && <th scope="col">{t('bad.file')}</th>}
            <th scope="col" className="pol-numeric">
              {t('bad.line')}
            </th>
            <th scope="col">{t('bad.text')}</th>
            <th scope="col">{t('bad.why')}</th>
          </tr>
        </thead>
        <tbody>
          {bad.map((b, i) => (
            <tr key={i}>
              {withFiles && <td>{b.file ?? ''}</td>}
              <td className="pol-numeric">{b.line > 0 ? b.line : t('bad.wholeFile')}</td>
              <td>
                <code>{b.text}</code>
              </td>
              <td>{b.error}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
