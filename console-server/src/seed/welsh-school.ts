import type { Country } from '@waymark/shared';

/**
 * Hwb, the Welsh Government's learning platform, named by the Welsh seed school's policy ("email,
 * teachers2parents, chat, Hwb etc"; "parents' sections of the website / HWB"). Every pupil and
 * teacher in Wales has a Hwb account, which is a Microsoft 365 (Entra ID) account in the Hwb
 * tenant (user@hwbcymru.net), and Hwb's tools open Microsoft 365 apps. Written from working
 * knowledge of Hwb's sign-in, without network access (see learning-resources.ts).
 */
export const HWB = {
  /** On every profile's allow-list: Hwb itself and the Microsoft 365 apps its tiles open. */
  hosts: [
    'hwb.gov.wales',
    // Hwb's address before 2019: still in schools' links and bookmarks, it redirects.
    'hwb.wales.gov.uk',
    // Hwb's tenant: OneDrive and SharePoint sites of Welsh schools.
    'hwbcymru.sharepoint.com',
    'hwbcymru-my.sharepoint.com',
    'office.com',
    'microsoft365.com',
    'm365.cloud.microsoft',
    'teams.microsoft.com',
    'outlook.office365.com',
  ],
  /**
   * Always allowed (the school's sign-in domains): Microsoft's sign-in pages, the seamless
   * sign-in frame Entra ID opens on school networks, and Google's, since Hwb also gives
   * every school Google Workspace for Education.
   */
  signInDomains: [
    'login.microsoftonline.com',
    'login.microsoft.com',
    'login.live.com',
    'autologon.microsoftazuread-sso.com',
    'accounts.google.com',
  ],
} as const;

/** A new school's sign-in domains when none are given. */
export function defaultSignInDomains(country: Country): string[] {
  return country === 'wales' ? [...HWB.signInDomains] : ['accounts.google.com', 'login.microsoftonline.com'];
}

/** The language of pupils' pages in a new school: Welsh in Wales (a device's configuration may say otherwise). */
export function defaultPupilLocale(country: Country): 'en' | 'cy' {
  return country === 'wales' ? 'cy' : 'en';
}
