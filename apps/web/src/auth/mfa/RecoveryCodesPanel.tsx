import { Alert, Button, Checkbox, CopyButton, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconCopy, IconDownload, IconLifebuoy } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';

/**
 * The recovery codes, shown once (the server keeps only their hashes): copy, download, and a
 * "saved them" confirmation before going on.
 */
export function RecoveryCodesPanel({ codes, onDone, doneLabel }: { codes: string[]; onDone: () => void; doneLabel: string }) {
  const { t } = useTranslation();
  const [saved, setSaved] = useState(false);
  const text = codes.join('\n');
  const download = () => {
    const url = URL.createObjectURL(new Blob([`${t('login.mfa.codesFileHeader')}\n\n${text}\n`], { type: 'text/plain' }));
    const a = Object.assign(document.createElement('a'), { href: url, download: 'firebreak-recovery-codes.txt' });
    a.click();
    URL.revokeObjectURL(url);
  };
  return (
    <Stack data-testid="mfa-recovery-codes">
      <Alert color="yellow" icon={<IconLifebuoy aria-hidden />} title={t('login.mfa.codesTitle')}>
        {t('login.mfa.codesHint')}
      </Alert>
      <SimpleGrid cols={2} spacing="xs" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {codes.map((c) => (
          <Text key={c} component="li" ff="monospace" size="lg" ta="center" data-testid="mfa-recovery-code">{c}</Text>
        ))}
      </SimpleGrid>
      <Group gap="xs">
        <CopyButton value={text}>
          {({ copied, copy }) => (
            <Button variant="light" size="xs" leftSection={<IconCopy size={14} aria-hidden />} onClick={copy}>
              {copied ? t('login.mfa.copied') : t('login.mfa.copy')}
            </Button>
          )}
        </CopyButton>
        <Button variant="light" size="xs" leftSection={<IconDownload size={14} aria-hidden />} onClick={download}>{t('login.mfa.download')}</Button>
      </Group>
      <Checkbox label={t('login.mfa.saved')} checked={saved} onChange={(e) => setSaved(e.currentTarget.checked)} data-testid="mfa-codes-saved" />
      <Button disabled={!saved} onClick={onDone} data-testid="mfa-codes-done">{doneLabel}</Button>
    </Stack>
  );
}
