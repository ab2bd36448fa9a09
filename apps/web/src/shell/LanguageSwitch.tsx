import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, setLanguage, type Language } from '../i18n';

export function LanguageSwitch() {
  const { i18n, t } = useTranslation();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('shell.language')}
      value={i18n.language}
      onChange={(v) => setLanguage(v as Language)}
      data={LANGUAGES.map((l) => ({ value: l.code, label: l.label }))}
      data-testid="language-switch"
    />
  );
}
