import { useTranslation } from 'react-i18next';
import { useDigestSettings, useSaveDigestSettings } from './concerns-api';

/** The DSL's choice: whether the technician's e-mailed copy of the digest names pupils. */
export function TechnicianCopySetting() {
  const { t } = useTranslation('reports');
  const settings = useDigestSettings(true);
  const save = useSaveDigestSettings();
  if (!settings.data) return null;
  return (
    <p className="digest-setting">
      <input
        type="checkbox"
        id="technician-names"
        aria-describedby="technician-names-hint"
        checked={settings.data.technicianDigestNamesPupils}
        disabled={save.isPending}
        onChange={(e) => save.mutate({ technicianDigestNamesPupils: e.target.checked })}
      />{' '}
      <label htmlFor="technician-names">{t('technicianCopy.label')}</label>
      <br />
      <span id="technician-names-hint" className="hint">
        {t('technicianCopy.hint')}
      </span>
      {save.isError && (
        <span role="alert" className="error">
          {' '}
          {save.error.message}
        </span>
      )}
    </p>
  );
}
