import type { Priority } from '@firebreak/contracts';
import { Badge } from '@mantine/core';
import { useTranslation } from '../../i18n/use-translation';

const COLOR: Record<Priority, string> = { P1: 'red', P2: 'orange', P3: 'yellow', P4: 'blue' };

/** "P1" in text, always: the colour only repeats it. */
export function PriorityBadge({ priority, size = 'md' }: { priority: Priority; size?: 'sm' | 'md' | 'lg' | 'xl' }) {
  const { t } = useTranslation();
  return (
    <Badge size={size} color={COLOR[priority]} variant="filled" c={priority === 'P3' ? 'dark.9' : undefined} title={t(`priority.${priority}`)}>
      {priority}
    </Badge>
  );
}
