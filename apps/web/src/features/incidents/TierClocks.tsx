import type { TierStatus } from '@firebreak/contracts';
import { Badge, Group } from '@mantine/core';
import { IconAlertOctagon, IconCircleCheck, IconClock, IconClockPause } from '@tabler/icons-react';
import { useTranslation } from '../../i18n/use-translation';
import { formatClock } from '../../util/time';
import { tierGoal, tierState } from './tiers';

const LOOK = {
  met: { color: 'green', icon: IconCircleCheck },
  missed: { color: 'red', icon: IconAlertOctagon },
  late: { color: 'red', icon: IconAlertOctagon },
  running: { color: 'gray', icon: IconClock },
  stopped: { color: 'gray', icon: IconClockPause },
} as const;

/** The 1-3-5 clocks of one incident: each tier says in words and an icon whether it was met, missed or how long is left. */
export function TierClocks({ tiers, now, size = 'md', compact = false, stopped = false }: { tiers: readonly TierStatus[]; now: number; size?: 'sm' | 'md' | 'lg'; compact?: boolean; stopped?: boolean }) {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="wrap">
      {tiers.map((tier) => {
        const { state, seconds } = tierState(tier, now, stopped);
        const { color, icon: Icon } = LOOK[state];
        const urgent = state === 'running' && seconds < 30;
        const text = t(`${compact ? 'tiersShort' : 'tiers'}.${state}`, { tier: tier.minutes, time: formatClock(seconds) });
        return (
          <Badge
              key={tier.tier}
              title={`${t('tiers.tierLabel', { tier: tier.tier, minutes: tier.minutes })}: ${tierGoal(t, tier)}`}
              size={size}
              color={urgent ? 'yellow' : color}
              variant={state === 'running' && !urgent ? 'outline' : 'filled'}
              leftSection={<Icon size={14} aria-hidden />}
              data-testid={`tier-${tier.tier}`}
              data-state={state}
              style={{ fontVariantNumeric: 'tabular-nums', textTransform: 'none', overflow: 'visible' }}
              styles={{ label: { overflow: 'visible' } }}
            >
              {text}
            </Badge>
        );
      })}
    </Group>
  );
}
