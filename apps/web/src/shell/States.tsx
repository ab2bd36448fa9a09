import { Alert, Button, Center, Loader, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconInbox } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from '../i18n/use-translation';
import { problemText } from '../api/http';

/** A failed load: the server's problem detail, and a way to try again. */
export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert color="red" icon={<IconAlertTriangle aria-hidden />} title={t('errors.loadFailed')} role="alert" m="sm">
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{problemText(error, t('errors.generic'))}</Text>
        {onRetry && <Button size="xs" variant="light" color="red" onClick={onRetry}>{t('actions.retry')}</Button>}
      </Stack>
    </Alert>
  );
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <Center p="xl">
      <Stack align="center" gap={4}>
        <IconInbox size={36} aria-hidden opacity={0.6} />
        <Text fw={600}>{title}</Text>
        {children && <Text size="sm" c="dimmed" ta="center">{children}</Text>}
      </Stack>
    </Center>
  );
}

export function Loading() {
  const { t } = useTranslation();
  return <Center p="xl"><Loader aria-label={t('common.loading')} /></Center>;
}
