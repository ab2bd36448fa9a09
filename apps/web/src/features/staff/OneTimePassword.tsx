import { Alert, Button, Code, CopyButton, Group, Modal, Stack, Text } from '@mantine/core';
import { IconCopy } from '@tabler/icons-react';
import { useTranslation } from '../../i18n/use-translation';

/**
 * The password of a new account or a reset, shown once: the server keeps only its hash, so
 * closing this is the last time anyone sees it. The administrator hands it over and the account
 * holder changes it.
 */
export function OneTimePassword({ username, password, onClose }: { username: string; password: string; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened onClose={onClose} title={t('staff.password.title', { username })} closeButtonProps={{ 'aria-label': t('actions.close') }}>
      <Stack data-testid="staff-one-time-password">
        <Alert color="yellow">{t('staff.password.once')}</Alert>
        <Group gap="xs">
          <Text size="sm">{t('staff.username')}:</Text><Code data-testid="staff-one-time-username">{username}</Code>
        </Group>
        <Code block fz="lg" data-testid="staff-one-time-value">{password}</Code>
        <Group justify="space-between">
          <CopyButton value={password}>
            {({ copied, copy }) => (
              <Button variant="light" leftSection={<IconCopy size={14} aria-hidden />} onClick={copy} data-testid="staff-one-time-copy">
                {copied ? t('staff.password.copied') : t('staff.password.copy')}
              </Button>
            )}
          </CopyButton>
          <Button onClick={onClose} data-testid="staff-one-time-done">{t('staff.password.done')}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
