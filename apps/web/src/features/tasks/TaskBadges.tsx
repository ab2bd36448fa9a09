import type { Task } from '@firebreak/contracts';
import { Badge, Group, Progress, Text } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconCircleDashed, IconProgress } from '@tabler/icons-react';
import { useTranslation } from '../../i18n/use-translation';
import { formatPercent } from './task-tree';

const STATUS_LOOK = {
  open: { color: 'gray', icon: IconCircleDashed },
  in_progress: { color: 'blue', icon: IconProgress },
  done: { color: 'teal', icon: IconCheck },
} as const;

/** The status in words with an icon, not colour alone. */
export function StatusBadge({ status }: { status: Task['status'] }) {
  const { t } = useTranslation();
  const { color, icon: Icon } = STATUS_LOOK[status];
  return <Badge color={color} variant="light" leftSection={<Icon size={12} aria-hidden />} style={{ flexShrink: 0, overflow: 'visible' }} data-testid="task-status" data-status={status}>{t(`tasks.status.${status}`)}</Badge>;
}

/** Overdue: a filled badge with a warning icon and the word, so it reads without colour. */
export function OverdueBadge() {
  const { t } = useTranslation();
  return <Badge color="red" variant="filled" leftSection={<IconAlertTriangle size={12} aria-hidden />} style={{ flexShrink: 0, overflow: 'visible' }} data-testid="task-overdue">{t('tasks.overdue')}</Badge>;
}

/** Progress as a bar and a number. */
export function PercentBar({ percent, size = 'md', w }: { percent: number; size?: 'sm' | 'md' | 'lg'; w?: number | string }) {
  const { t } = useTranslation();
  const text = formatPercent(percent);
  return (
    <Group gap="xs" wrap="nowrap" w={w}>
      <Progress value={percent} size={size} style={{ flex: 1, minWidth: 48 }} aria-label={t('tasks.percentLabel', { percent: text })} color={percent >= 100 ? 'teal' : 'blue'} />
      <Text size="sm" ff="monospace" w="3.5rem" ta="right" data-testid="task-percent" data-percent={percent}>{text}%</Text>
    </Group>
  );
}
