import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { DEFAULT_NAMESPACE, LANGUAGES, resources, type Language } from './resources';

const STORAGE_KEY = 'waymark.language';

function savedLanguage(): Language {
  const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
  return (LANGUAGES as readonly string[]).includes(saved ?? '') ? (saved as Language) : 'en';
}

/** Starts i18next with both languages bundled (the console works offline from the school server). */
export function startI18n() {
  void i18next.use(initReactI18next).init({
    resources,
    lng: savedLanguage(),
    fallbackLng: 'en',
    defaultNS: DEFAULT_NAMESPACE,
    interpolation: { escapeValue: false }, // React escapes
    returnNull: false,
    showSupportNotice: false,
  });
  document.documentElement.lang = i18next.language;
  i18next.on('languageChanged', (lng) => {
    document.documentElement.lang = lng;
    globalThis.localStorage?.setItem(STORAGE_KEY, lng);
  });
  return i18next;
}

export { LANGUAGES, type Language };
