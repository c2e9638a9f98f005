import { common as cyCommon } from './locales/cy/common';
import { common as enCommon } from './locales/en/common';

/**
 * One namespace per screen, so each screen's text lives beside its siblings in both languages.
 * Welsh is checked against English by type: a missing key is a compile error.
 */
export const resources = {
  en: { common: enCommon },
  cy: { common: cyCommon },
} as const;

export const LANGUAGES = ['en', 'cy'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_NAMESPACE = 'common';
