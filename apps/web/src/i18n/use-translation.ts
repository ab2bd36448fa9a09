import i18n, { type TFunction } from 'i18next';
import { useMemo, useSyncExternalStore } from 'react';

/**
 * What react-i18next's `useTranslation()` gave the app — `t` of the current language and the instance — without
 * react-i18next. The app used none of the rest of it (namespaces, key prefixes, Suspense, `Trans`, the context
 * provider), and it was ~2 KB gzip of the first load. Translation, plurals, interpolation and fallback stay i18next's.
 * A component re-renders when the language changes, with a new `t` (as react-i18next's default `bindI18n`).
 */
export function useTranslation(): { t: TFunction; i18n: typeof i18n } {
  const language = useSyncExternalStore(subscribe, currentLanguage);
  const t = useMemo(() => i18n.getFixedT(language), [language]);
  return { t, i18n };
}

const subscribe = (changed: () => void): (() => void) => {
  i18n.on('languageChanged', changed);
  return () => i18n.off('languageChanged', changed);
};
const currentLanguage = (): string => i18n.language;
