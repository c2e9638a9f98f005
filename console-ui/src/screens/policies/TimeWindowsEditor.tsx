import { useTranslation } from 'react-i18next';
import { DEFAULT_WINDOW, type WindowDraft } from './policy-form';

const DAYS = ['1', '2', '3', '4', '5', '6', '7'] as const;

/** The weekly windows in which a category is allowed: days, from and until. */
export function TimeWindowsEditor({
  idPrefix,
  categoryLabel,
  windows,
  onChange,
}: {
  idPrefix: string;
  categoryLabel: string;
  windows: WindowDraft[];
  onChange: (windows: WindowDraft[]) => void;
}) {
  const { t } = useTranslation('policies');
  const update = (i: number, patch: Partial<WindowDraft>) =>
    onChange(windows.map((w, j) => (j === i ? { ...w, ...patch } : w)));
  return (
    <fieldset className="pol-time-windows">
      <legend className="visually-hidden">{t('edit.windowsLegend', { category: categoryLabel })}</legend>
      {windows.map((w, i) => {
        const n = i + 1;
        const id = `${idPrefix}-w${n}`;
        return (
          <fieldset key={i} className="pol-time-window">
            <legend>{t('edit.window', { n })}</legend>
            <div className="pol-days">
              {DAYS.map((day) => {
                const d = Number(day);
                return (
                  <label key={day} className="pol-day">
                    <input
                      type="checkbox"
                      checked={w.days.includes(d)}
                      onChange={(e) =>
                        update(i, {
                          days: e.target.checked ? [...w.days, d] : w.days.filter((x) => x !== d),
                        })
                      }
                    />
                    <span aria-hidden="true">{t(`daysShort.${day}`)}</span>
                    <span className="visually-hidden">{t(`days.${day}`)}</span>
                  </label>
                );
              })}
            </div>
            <div className="pol-times">
              <label htmlFor={`${id}-start`}>{t('edit.from')}</label>
              <input
                id={`${id}-start`}
                type="time"
                value={w.start}
                onChange={(e) => update(i, { start: e.target.value })}
              />
              <label htmlFor={`${id}-end`}>{t('edit.until')}</label>
              <input
                id={`${id}-end`}
                type="time"
                value={w.end}
                onChange={(e) => update(i, { end: e.target.value })}
              />
              <button
                type="button"
                className="secondary pol-small"
                onClick={() => onChange(windows.filter((_, j) => j !== i))}
              >
                {t('edit.removeWindow', { n })}
              </button>
            </div>
          </fieldset>
        );
      })}
      <button
        type="button"
        className="secondary pol-small"
        onClick={() => onChange([...windows, { ...DEFAULT_WINDOW }])}
      >
        {t('edit.addWindow')}
      </button>
    </fieldset>
  );
}
