import type { DeployPolicyBody } from '@waymark/shared';

/** A key of the extension's managed configuration (extension/public/managed_schema.json). */
export interface ManagedConfigSetting {
  key: 'serverUrl' | 'enrollmentToken' | 'locale' | 'fixedProfile';
  value: string;
  why: string;
}

/**
 * What the extension reads from `storage.managed`: where the school's server is and the token it
 * enrolls with. Optional keys only when the technician chose them, so a device's own defaults
 * (English, the class's profile) apply otherwise.
 */
export function managedConfigSettings(body: DeployPolicyBody): ManagedConfigSetting[] {
  const settings: ManagedConfigSetting[] = [
    {
      key: 'serverUrl',
      value: body.serverUrl.replace(/\/+$/, ''),
      why: 'The school’s Waymark server: the extension connects here for its policy and sends every report here.',
    },
    {
      key: 'enrollmentToken',
      value: body.enrollmentToken,
      why: 'Enrolls the device on first connection (the server then issues the device its own token). Revoke it in the console when the roll-out is done.',
    },
  ];
  if (body.locale) {
    settings.push({
      key: 'locale',
      value: body.locale,
      why: body.locale === 'cy' ? 'Block pages in Welsh.' : 'Block pages in English.',
    });
  }
  if (body.fixedProfile) {
    settings.push({
      key: 'fixedProfile',
      value: body.fixedProfile,
      why: `The profile this shared device should enforce (${body.fixedProfile}). The server decides from the enrollment token and class, never from the device; a device asking for another profile is reported as tampering, so use a token made for ${body.fixedProfile}.`,
    });
  }
  return settings;
}

export function managedConfigObject(settings: ManagedConfigSetting[]): Record<string, string> {
  return Object.fromEntries(settings.map((s) => [s.key, s.value]));
}
