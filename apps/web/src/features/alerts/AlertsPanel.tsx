import { Badge, Button, Drawer, Group, Paper, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconChecks, IconFlask } from '@tabler/icons-react';
import { useSyncExternalStore } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { useNavigate } from 'react-router';
import { EmptyState } from '../../shell/States';
import { AlertIcon, SEVERITY_COLOR } from './AlertIcon';
import { alertsStore } from './alerts-store';
import { describeAlert } from './describe';
import { useJurisdictionNames, type NameOf } from '../../api/jurisdiction-names';
import { unreadCount, type StoredAlert } from './read-state';

/**
 * The alerts panel: every kept alert, newest first; opening one marks it read and goes to it.
 * It opens on the left, under the bell; opening it takes away the one alert toast (bottom left), which it lists.
 */
export default function AlertsPanel({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const state = useSyncExternalStore(alertsStore.subscribe, alertsStore.getSnapshot);
  const unread = unreadCount(state);
  const navigate = useNavigate();
  const nameOf = useJurisdictionNames();
  const open = (a: StoredAlert) => {
    alertsStore.markRead([a.id]);
    onClose();
    void navigate(a.link);
  };

  return (
    <Drawer opened={opened} onClose={onClose} position="left" size="md" title={<Text fw={700}>{t('alerts.title')}</Text>} data-testid="alerts-panel">
      <Stack gap="sm">
        <Group justify="space-between">
          <Text size="sm" c="dimmed" data-testid="alerts-panel-unread" data-count={unread}>{t('alerts.unreadCount', { count: unread })}</Text>
          <Button size="compact-sm" variant="light" leftSection={<IconChecks size={14} aria-hidden />} disabled={unread === 0} onClick={() => alertsStore.markAllRead()} data-testid="alerts-mark-all-read">
            {t('alerts.markAllRead')}
          </Button>
        </Group>
        {state.alerts.length === 0 ? (
          <EmptyState title={t('alerts.empty')}>{t('alerts.emptyHint')}</EmptyState>
        ) : (
          <Stack gap="xs" component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }} aria-label={t('alerts.title')}>
            {state.alerts.map((a) => <AlertRow key={a.id} alert={a} nameOf={nameOf} onOpen={() => open(a)} />)}
          </Stack>
        )}
      </Stack>
    </Drawer>
  );
}

function AlertRow({ alert, nameOf, onOpen }: { alert: StoredAlert; nameOf: NameOf; onOpen: () => void }) {
  const { t, i18n } = useTranslation();
  const words = describeAlert(alert, t, i18n.language, nameOf);
  const color = SEVERITY_COLOR[alert.severity];
  return (
    <Paper component="li" withBorder p="sm" data-testid="alert-item" data-alert-id={alert.id} data-read={alert.read} data-severity={alert.severity}
      style={{ borderLeft: `4px solid var(--mantine-color-${color}-filled)`, opacity: alert.read ? 0.75 : 1 }}>
      <Group wrap="nowrap" align="flex-start" gap="sm">
        <Text c={color} lh={1} mt={2}><AlertIcon severity={alert.severity} /></Text>
        <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
          <Group gap={6}>
            <Badge size="xs" color={color} variant={alert.read ? 'outline' : 'filled'}>{words.severity}</Badge>
            {alert.simulated && <Badge size="xs" color="gray" variant="outline" leftSection={<IconFlask size={10} aria-hidden />}>{t('alerts.exercise')}</Badge>}
            {!alert.read && <Badge size="xs" variant="dot" data-testid="alert-unread">{t('alerts.unread')}</Badge>}
            <Text size="xs" c="dimmed" component="time" dateTime={alert.at}>{new Date(alert.at).toLocaleString(i18n.language, { dateStyle: 'short', timeStyle: 'short' })}</Text>
          </Group>
          <UnstyledButton onClick={onOpen} data-testid="alert-open" style={{ textDecoration: 'underline', textUnderlineOffset: 3 }}>
            <Text size="sm" fw={alert.read ? 500 : 700}>{words.title}</Text>
          </UnstyledButton>
          <Text size="sm">{words.text}</Text>
        </Stack>
        {!alert.read && (
          <Button size="compact-xs" variant="subtle" onClick={() => alertsStore.markRead([alert.id])} data-testid="alert-mark-read" aria-label={`${t('alerts.markRead')}: ${words.title}`}>
            {t('alerts.markRead')}
          </Button>
        )}
      </Group>
    </Paper>
  );
}
