import { Badge, Button, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconExternalLink, IconFlask } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import type { JurisdictionNode } from '../../api/queries';
import type { Alert } from './alert-of';
import { AlertIcon, SEVERITY_COLOR } from './AlertIcon';
import { describeAlert } from './describe';
import { jurisdictionNamer } from '../../api/jurisdiction-names';
import { autoCloseOf, toastId } from './toast-plan';

export interface ToastActions {
  t: TFunction;
  lang: string;
  /** The jurisdiction tree the app holds, for names instead of paths. */
  tree: readonly JurisdictionNode[] | undefined;
  /** Marks it read and goes to its link. */
  open: (alert: Alert) => void;
  markRead: (alert: Alert) => void;
}

/**
 * The toast of one new critical alert (loaded with the first alert, not with the first screen).
 * There is only ever one: a newer one takes the place of the one on screen (`replacing`), whose
 * alert stays unread in the bell. The toasts are outside the router, so opening goes through the
 * callbacks the bell hands in. They are not live regions themselves: the bell's aria-live region
 * announces each alert once.
 */
export function showAlertToast(alert: Alert, replacing: string | null, actions: ToastActions): void {
  const { t } = actions;
  const words = describeAlert(alert, t, actions.lang, jurisdictionNamer(actions.tree, actions.lang, t));
  const id = toastId(alert.id);
  if (replacing !== null && replacing !== id) notifications.hide(replacing);
  notifications.show({
    id,
    role: 'group',
    'aria-label': words.title,
    color: SEVERITY_COLOR[alert.severity],
    icon: <AlertIcon severity={alert.severity} size={18} />,
    autoClose: autoCloseOf(alert),
    withCloseButton: true,
    'data-testid': 'alert-toast',
    'data-alert-id': alert.id,
    'data-severity': alert.severity,
    title: (
      <Group gap={6} wrap="wrap">
        <Badge size="sm" color={SEVERITY_COLOR[alert.severity]} variant="filled">{words.severity}</Badge>
        {alert.simulated && <Badge size="sm" color="gray" variant="outline" leftSection={<IconFlask size={12} aria-hidden />}>{t('alerts.exercise')}</Badge>}
        <Text span fw={700} size="sm">{words.title}</Text>
      </Group>
    ),
    message: (
      <Stack gap={6} mt={4}>
        <Text size="sm">{words.text}</Text>
        <Group gap="xs">
          <Button size="compact-sm" variant="light" leftSection={<IconExternalLink size={14} aria-hidden />} onClick={() => { notifications.hide(id); actions.open(alert); }} data-testid="alert-toast-open">
            {t('alerts.open')}
          </Button>
          <Button size="compact-sm" variant="subtle" onClick={() => { notifications.hide(id); actions.markRead(alert); }}>{t('alerts.markRead')}</Button>
        </Group>
      </Stack>
    ),
  });
}

/** What the bell's live regions say for a batch: severity, title and text of each, critical ones apart (assertive). */
export function spokenBatch(added: readonly Alert[], t: TFunction, lang: string, tree: readonly JurisdictionNode[] | undefined): { critical: string; other: string } {
  const nameOf = jurisdictionNamer(tree, lang, t);
  const say = (alerts: readonly Alert[]) => alerts.map((a) => {
    const w = describeAlert(a, t, lang, nameOf);
    return `${w.severity}: ${w.title}. ${w.text}`;
  }).join(' ');
  return { critical: say(added.filter((a) => a.severity === 'critical')), other: say(added.filter((a) => a.severity !== 'critical')) };
}
