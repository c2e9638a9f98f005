import { useTranslation } from 'react-i18next';
import { PROFILES, type Profile } from '@waymark/shared';

/** A labelled choice of profile, each named in the console's language ("KS1 – Key stage 1"). */
export function ProfileField({
  id,
  label,
  value,
  onChange,
}: {
  id: string;
  label: string;
  value: Profile;
  onChange: (profile: Profile) => void;
}) {
  const { t } = useTranslation('policies');
  return (
    <div className="pol-field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value as Profile)}>
        {PROFILES.map((p) => (
          <option key={p} value={p}>
            {p} – {t(`profiles.${p}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
