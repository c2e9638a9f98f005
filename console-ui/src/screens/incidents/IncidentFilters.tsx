import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { INCIDENT_STATUSES, SEVERITIES, type IncidentDirectory } from '@waymark/shared';
import { CheckField, Field } from '../../ui/Field';
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
      <Field
        id={field('q')}
        label={t('filters.search')}
        hint={t('filters.searchHint')}
        className="field search"
        hintClassName="hint"
      >
        {(control) => (
          <input {...control} type="search" value={text} onChange={(e) => setText(e.target.value)} />
        )}
      </Field>
      <Field id={field('status')} label={t('filters.status')}>
        {(control) => (
          <select
            {...control}
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
        )}
      </Field>
      <Field id={field('category')} label={t('filters.category')}>
        {(control) => (
          <select
            {...control}
            value={filter.category ?? ''}
            onChange={(e) => onChange('category', e.target.value)}
          >
            <option value="">{t('filters.any')}</option>
            <CategoryOptions />
          </select>
        )}
      </Field>
      <Field id={field('severity')} label={t('filters.severity')}>
        {(control) => (
          <select
            {...control}
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
        )}
      </Field>
      <Field id={field('owner')} label={t('filters.owner')}>
        {(control) => (
          <select {...control} value={filter.owner ?? ''} onChange={(e) => onChange('owner', e.target.value)}>
            <option value="">{t('filters.any')}</option>
            <option value="none">{t('filters.nobody')}</option>
            {owners.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id={field('from')} label={t('filters.from')}>
        {(control) => (
          <input
            {...control}
            type="date"
            value={filter.from ?? ''}
            max={filter.to || undefined}
            onChange={(e) => onChange('from', e.target.value)}
          />
        )}
      </Field>
      <Field id={field('to')} label={t('filters.to')}>
        {(control) => (
          <input
            {...control}
            type="date"
            value={filter.to ?? ''}
            min={filter.from || undefined}
            onChange={(e) => onChange('to', e.target.value)}
          />
        )}
      </Field>
      <CheckField id={field('followUpDue')} label={t('filters.followUpDue')} className="field checkbox">
        {(control) => (
          <input
            {...control}
            type="checkbox"
            checked={filter.followUpDue === 'true'}
            onChange={(e) => onChange('followUpDue', e.target.checked ? 'true' : '')}
          />
        )}
      </CheckField>
      <div className="field clear">
        <button type="button" className="secondary" onClick={onClear} disabled={!active}>
          {t('filters.clear')}
        </button>
      </div>
    </form>
  );
}
