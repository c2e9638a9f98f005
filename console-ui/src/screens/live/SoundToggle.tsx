import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { savedSoundPreference, saveSoundPreference, unlockSound } from './alert-sound';

/** The teacher's choice of a sound for urgent events (off unless switched on; remembered on this computer). */
export function useSoundPreference(): [boolean, (on: boolean) => void] {
  const [on, setOn] = useState(savedSoundPreference);
  useEffect(() => {
    if (!on) return;
    // A page may make sound only after a person interacts with it: unlock on their next click or key.
    const unlock = () => unlockSound();
    document.addEventListener('pointerdown', unlock, { once: true });
    document.addEventListener('keydown', unlock, { once: true });
    return () => {
      document.removeEventListener('pointerdown', unlock);
      document.removeEventListener('keydown', unlock);
    };
  }, [on]);
  return [
    on,
    (next) => {
      if (next) unlockSound();
      saveSoundPreference(next);
      setOn(next);
    },
  ];
}

function BellIcon({ on }: { on: boolean }) {
  return (
    <svg className="bell" viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
      <path
        d="M12 3a6 6 0 0 0-6 6v4l-2 3h16l-2-3V9a6 6 0 0 0-6-6zm-2.5 15a2.5 2.5 0 0 0 5 0"
        fill={on ? 'currentColor' : 'none'}
        stroke="currentColor"
        strokeWidth="1.8"
        strokeLinejoin="round"
      />
      {!on && <path d="M4 4l16 16" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />}
    </svg>
  );
}

export function SoundToggle({ on, onChange }: { on: boolean; onChange: (on: boolean) => void }) {
  const { t } = useTranslation('live');
  return (
    <label className={`sound-toggle${on ? ' sound-on' : ''}`}>
      <input type="checkbox" role="switch" checked={on} onChange={(e) => onChange(e.target.checked)} />
      <BellIcon on={on} /> {t('feed.sound')}
    </label>
  );
}
