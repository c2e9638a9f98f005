import { useTranslation } from 'react-i18next';
import { PROFILES, type Profile } from '@waymark/shared';
import { Field } from '../../ui/Field';

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
    <Field id={id} label={label} className="pol-field">
      {(control) => (
        <select {...control} value={value} onChange={(e) => onChange(e.target.value as Profile)}>
          {PROFILES.map((p) => (
            <option key={p} value={p}>
              {p} – {t(`profiles.${p}`)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
