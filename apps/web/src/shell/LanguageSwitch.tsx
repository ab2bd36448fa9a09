import { useTranslation } from '../i18n/use-translation';
import { LANGUAGES, setLanguage, type Language } from '../i18n';
import { Segments } from './Segments';

export function LanguageSwitch() {
  const { i18n, t } = useTranslation();
  return (
    <Segments<Language>
      label={t('shell.language')}
      value={i18n.language as Language}
      onChange={setLanguage}
      data={LANGUAGES.map((l) => ({ value: l.code, label: l.label }))}
      testId="language-switch"
    />
  );
}
