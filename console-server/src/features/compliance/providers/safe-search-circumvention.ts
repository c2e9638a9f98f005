import type { Profile } from '@waymark/shared';
import type { EvidenceProvider } from '../evidence';
import { blocksCategory } from './illegal-blocked';

/** Pupils' profiles: staff may turn SafeSearch off for their own work. */
const isPupilProfile = (profile: Profile) => profile !== 'staff';

/** SafeSearch locked, proxies and VPNs blocked, devices locked down (the policies and device health). */
export const safeSearchCircumvention: EvidenceProvider = {
  id: 'safe-search-circumvention',
  async collect({ policies, deviceHealth }) {
    const pupils = (await policies()).filter((p) => isPupilProfile(p.profile));
    const safeSearchOff = pupils.filter((p) => p.body.safeSearch === false).map((p) => p.profile);
    const circumventionAllowed = pupils
      .filter((p) => !blocksCategory(p.body, 'proxy-vpn'))
      .map((p) => p.profile);
    const health = await deviceHealth();
    const figures = [
      { key: 'safeSearchOff', value: safeSearchOff },
      { key: 'circumventionAllowed', value: circumventionAllowed },
      { key: 'missingHardening', value: health.summary.missingHardening },
      { key: 'tamperDevices', value: health.summary.tamper },
    ];
    const base = { id: 'safe-search-circumvention', standard: 'filtering', figures } as const;
    if (safeSearchOff.length > 0)
      return { ...base, status: 'not-met', reason: 'safe-search-off', fix: '/policies' };
    if (circumventionAllowed.length > 0)
      return { ...base, status: 'not-met', reason: 'circumvention-allowed', fix: '/policies' };
    if (health.summary.missingHardening > 0)
      return { ...base, status: 'at-risk', reason: 'hardening-missing', fix: '/devices/deploy' };
    return { ...base, status: 'met', reason: 'locked', fix: '/policies' };
  },
};
