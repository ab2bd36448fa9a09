import i18n from 'i18next';

import en from './locales/en.json';

export const LANGUAGES = [
  { code: 'en', label: 'English' },
  { code: 'zh-CN', label: '简体中文' },
] as const;
export type Language = (typeof LANGUAGES)[number]['code'];

const STORAGE_KEY = 'firebreak.language';

function initialLanguage(): Language {
  const saved = typeof localStorage === 'undefined' ? null : localStorage.getItem(STORAGE_KEY);
  if (saved === 'en' || saved === 'zh-CN') return saved;
  return typeof navigator !== 'undefined' && navigator.language.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

/**
 * English is bundled (it is also the fallback for a missing key) — the strings of the first screen
 * (shell, map, board, alerts) only: the lazy screens' English (`en.screens.json`) is a chunk that
 * `screenStrings()` fetches with the first of them. Every other language is its own chunk, fetched
 * when it is first used, so the first load carries one language, not all of them.
 */
const LOADERS: Record<Exclude<Language, 'en'>, () => Promise<{ default: Record<string, unknown> }>> = {
  'zh-CN': () => import('./locales/zh-CN.json'),
};

async function loadLanguage(lang: Language): Promise<void> {
  if (lang === 'en' || i18n.hasResourceBundle(lang, 'translation')) return;
  const { default: bundle } = await LOADERS[lang]();
  i18n.addResourceBundle(lang, 'translation', bundle);
}

const startLanguage = initialLanguage();
void i18n.init({
  resources: { en: { translation: en } },
  partialBundledLanguages: true,
  lng: startLanguage,
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
  returnNull: false,
});
document.documentElement.lang = i18n.language;

/** Resolves once the remembered language is loaded (English at once); the app renders after it, so it never flashes English. */
export const i18nReady: Promise<void> = loadLanguage(startLanguage).catch(() => undefined);

let screens: Promise<void> | undefined;

/** The lazy screens' English strings: loaded once, before the first lazy screen renders (see `withScreenStrings`). */
export function screenStrings(): Promise<void> {
  screens ??= import('./locales/en.screens.json').then(
    ({ default: bundle }) => void i18n.addResourceBundle('en', 'translation', bundle, true, true),
    (err: unknown) => {
      screens = undefined; // a failed fetch (offline) is tried again by the next screen
      throw err;
    },
  );
  return screens;
}

/** A lazy screen's loader that also brings the screens' English strings, so the screen never renders a bare key. */
export function withScreenStrings<T>(load: () => Promise<T>): () => Promise<T> {
  return () => Promise.all([load(), screenStrings()]).then(([m]) => m);
}

/** Switches the language and remembers it on this browser. */
export function setLanguage(lang: Language): void {
  localStorage.setItem(STORAGE_KEY, lang);
  document.documentElement.lang = lang;
  void loadLanguage(lang).then(() => i18n.changeLanguage(lang), () => undefined);
}

export default i18n;
