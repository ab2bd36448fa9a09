import { Alert, Badge, Button, Group, Text } from '@mantine/core';
import { IconPlugConnected, IconPlugConnectedX, IconRefresh } from '@tabler/icons-react';
import { useTranslation } from '../i18n/use-translation';
import { useLive } from '../live/LiveProvider';
import { useNow } from '../util/time';

/** The live link in the header: word and icon, never colour alone. */
export function ConnectionBadge() {
  const { t } = useTranslation();
  const { status } = useLive();
  const live = status.state === 'live';
  return (
    <Badge
      size="lg"
      variant={live ? 'light' : 'filled'}
      color={live ? 'green' : status.state === 'offline' ? 'red' : 'yellow'}
      leftSection={live ? <IconPlugConnected size={16} aria-hidden /> : <IconPlugConnectedX size={16} aria-hidden />}
      data-testid="connection-state"
      data-state={status.state}
      role="status"
      style={{ flexShrink: 0, overflow: 'visible' }}
    >
      {t(`connection.${status.state}`)}
    </Badge>
  );
}

/** While the stream is down: what the user sees is not live, and when we try again. */
export function OfflineBanner() {
  const { t } = useTranslation();
  const { status, retryNow } = useLive();
  const now = useNow(1000);
  if (status.state !== 'offline') return null;
  const seconds = status.retryAt ? Math.max(0, Math.ceil((status.retryAt - now) / 1000)) : 0;
  return (
    <Alert color="red" variant="filled" radius={0} py={6} role="alert" data-testid="offline-banner" icon={<IconPlugConnectedX aria-hidden />}>
      <Group justify="space-between" wrap="nowrap">
        <Text size="sm" fw={600}>{t('connection.offlineBanner', { seconds, attempt: status.attempt })}</Text>
        <Button size="compact-sm" variant="white" color="red" leftSection={<IconRefresh size={14} aria-hidden />} onClick={retryNow}>{t('connection.retryNow')}</Button>
      </Group>
    </Alert>
  );
}
