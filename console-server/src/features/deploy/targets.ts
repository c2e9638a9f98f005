import { browserOfTarget, type DeployTarget, type ExtensionBrowser } from '@waymark/shared';

type Platform = 'linux' | 'windows' | 'macos' | 'google-admin';

export interface TargetInfo {
  target: DeployTarget;
  browser: ExtensionBrowser;
  platform: Platform;
  /** "Google Chrome on Linux". */
  label: string;
  fileName: string;
  mediaType: string;
  /** Where the file goes and how it takes effect. */
  install: string;
}

const BROWSER_NAME: Record<ExtensionBrowser, string> = { chrome: 'Google Chrome', edge: 'Microsoft Edge' };

const INSTALL: Record<DeployTarget, string> = {
  'chrome-linux':
    'Copy to /etc/opt/chrome/policies/managed/ on each device (Debian and Ubuntu Chromium: /etc/chromium/policies/managed/), owned by root and readable by all. Chrome applies it at its next start; chrome://policy shows it.',
  'edge-linux':
    'Copy to /etc/opt/edge/policies/managed/ on each device, owned by root and readable by all. Edge applies it at its next start; edge://policy shows it.',
  'chrome-windows':
    'Import on each device (regedit, “reg import”, a Group Policy preference, or an Intune script run as SYSTEM). The devices must be joined to Active Directory or Microsoft Entra ID, or enrolled in Chrome Enterprise Core: Chrome only force-installs extensions from outside its store on managed Windows devices.',
  'edge-windows':
    'Import on each device (regedit, “reg import”, a Group Policy preference, or an Intune script run as SYSTEM). The devices must be joined to Active Directory or Microsoft Entra ID, or enrolled in MDM: Edge only force-installs extensions from outside its store on managed Windows devices.',
  'chrome-macos':
    'Upload to your MDM (Jamf, Intune, Mosyle…) as a custom configuration profile and scope it to pupil Macs. Chrome only force-installs extensions from outside its store on Macs managed by MDM.',
  'edge-macos':
    'Upload to your MDM (Jamf, Intune, Mosyle…) as a custom configuration profile and scope it to pupil Macs. Edge only force-installs extensions from outside its store on Macs managed by MDM.',
  'google-admin':
    'In the Google Admin console, Devices › Chrome › Apps & extensions › Users & browsers, for the pupils’ organisational unit: add Waymark by ID “From a custom URL”, force-install it, and paste this file into “Policy for extensions”. Set the other settings listed below in Devices › Chrome › Settings.',
};

export function targetInfo(target: DeployTarget): TargetInfo {
  const browser = browserOfTarget(target);
  const platform = (target === 'google-admin' ? 'google-admin' : target.split('-')[1]) as Platform;
  const label =
    platform === 'google-admin'
      ? 'Google Admin console (ChromeOS and managed Chrome)'
      : `${BROWSER_NAME[browser]} on ${{ linux: 'Linux', windows: 'Windows', macos: 'macOS' }[platform]}`;
  const fileName = {
    linux: `waymark-${browser}-policy.json`,
    windows: `waymark-${browser}.reg`,
    macos: `waymark-${browser}.mobileconfig`,
    'google-admin': 'waymark-google-admin.json',
  }[platform];
  const mediaType = {
    linux: 'application/json',
    windows: 'text/x-ms-regedit',
    macos: 'application/x-apple-aspen-config',
    'google-admin': 'application/json',
  }[platform];
  return { target, browser, platform, label, fileName, mediaType, install: INSTALL[target] };
}
