import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { INCIDENT_STATUSES, SEVERITIES, type IncidentDirectory } from '@waymark/shared';
import type { FilterKey, IncidentFilter } from './api';
import { CategoryOptions } from './CategoryOptions';

const SEARCH_DELAY_MS = 300;

interface Props {
  filter: IncidentFilter;
  owners: IncidentDirectory['staff'];
  onChange(key: FilterKey, value: string): void;
  onClear(): void;
}

/** The log's filters and free-text search; every change shows at once (the search after a pause in typing). */
export function IncidentFilters({ filter, owners, onChange, onClear }: Props) {
  const { t } = useTranslation('incidents');
  const id = useId();
  const [text, setText] = useState(filter.q ?? '');

  useEffect(() => setText(filter.q ?? ''), [filter.q]);
  useEffect(() => {
    if (text === (filter.q ?? '')) return;
    const timer = setTimeout(() => onChange('q', text.trim()), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text, filter.q, onChange]);

  const field = (key: FilterKey) => `${id}-${key}`;
  const active = Object.values(filter).some(Boolean);

  return (
    <form
      className="incident-filters"
      role="search"
      aria-label={t('filters.label')}
      onSubmit={(e) => {
        e.preventDefault();
        onChange('q', text.trim());
      }}
    >
      <div className="field search">
        <label htmlFor={field('q')}>{t('filters.search')}</label>
        <input
          id={field('q')}
          type="search"
          value={text}
          aria-describedby={`${field('q')}-hint`}
          onChange={(e) => setText(e.target.value)}
        />
        <span id={`${field('q')}-hint`} className="hint">
          {t('filters.searchHint')}
        </span>
      </div>
      <div className="field">
        <label htmlFor={field('status')}>{t('filters.status')}</label>
        <select
          id={field('status')}
          value={filter.status ?? ''}
          onChange={(e) => onChange('status', e.target.value)}
        >
          <option value="">{t('filters.any')}</option>
          {INCIDENT_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`statuses.${s}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={field('category')}>{t('filters.category')}</label>
        <select
          id={field('category')}
          value={filter.category ?? ''}
          onChange={(e) => onChange('category', e.target.value)}
        >
          <option value="">{t('filters.any')}</option>
          <CategoryOptions />
        </select>
      </div>
      <div className="field">
        <label htmlFor={field('severity')}>{t('filters.severity')}</label>
        <select
          id={field('severity')}
          value={filter.severity ?? ''}
          onChange={(e) => onChange('severity', e.target.value)}
        >
          <option value="">{t('filters.any')}</option>
          {SEVERITIES.map((s) => (
            <option key={s} value={s}>
              {t(`severities.${s}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={field('owner')}>{t('filters.owner')}</label>
        <select
          id={field('owner')}
          value={filter.owner ?? ''}
          onChange={(e) => onChange('owner', e.target.value)}
        >
          <option value="">{t('filters.any')}</option>
          <option value="none">{t('filters.nobody')}</option>
          {owners.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={field('from')}>{t('filters.from')}</label>
        <input
          id={field('from')}
          type="date"
          value={filter.from ?? ''}
          max={filter.to || undefined}
          onChange={(e) => onChange('from', e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={field('to')}>{t('filters.to')}</label>
        <input
          id={field('to')}
          type="date"
          value={filter.to ?? ''}
          min={filter.from || undefined}
          onChange={(e) => onChange('to', e.target.value)}
        />
      </div>
      <div className="field checkbox">
        <input
          id={field('followUpDue')}
          type="checkbox"
          checked={filter.followUpDue === 'true'}
          onChange={(e) => onChange('followUpDue', e.target.checked ? 'true' : '')}
        />
        <label htmlFor={field('followUpDue')}>{t('filters.followUpDue')}</label>
      </div>
      <div className="field clear">
        <button type="button" className="secondary" onClick={onClear} disabled={!active}>
          {t('filters.clear')}
        </button>
      </div>
    </form>
  );
}
