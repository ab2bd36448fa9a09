import type { Priority, TierStatus } from '@firebreak/contracts';
import { IconAlertOctagon, IconCircleCheck, IconClock, IconClockPause } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { formatClock } from '../../util/time';
import { tierGoal, tierState } from './tiers';

// The board's priority and 1-3-5 clocks as plain spans styled like Mantine's badges (styles.css
// `.fb-chip`): the board redraws every visible row each second, and a Mantine Badge resolves its
// theme colours on every render (the largest script cost of a first load with 2,000 incidents).

const TIER_LOOK = {
  met: { look: 'green', icon: IconCircleCheck },
  missed: { look: 'red', icon: IconAlertOctagon },
  late: { look: 'red', icon: IconAlertOctagon },
  running: { look: 'outline', icon: IconClock },
  stopped: { look: 'gray', icon: IconClockPause },
} as const;

const PRIORITY_LOOK: Record<Priority, string> = { P1: 'red', P2: 'orange', P3: 'yellow', P4: 'blue' };

/** "P1" in text, always: the colour only repeats it (as PriorityBadge). */
export function PriorityChip({ priority, t }: { priority: Priority; t: TFunction }) {
  return <span className="fb-chip fb-chip-lg" data-look={PRIORITY_LOOK[priority]} title={t(`priority.${priority}`)}>{priority}</span>;
}

/** Each tier says in words and an icon whether it was met, missed or how long is left (as TierClocks, compact). */
export function TierChips({ tiers, now, stopped, t }: { tiers: readonly TierStatus[]; now: number; stopped: boolean; t: TFunction }) {
  return (
    <span className="fb-chips">
      {tiers.map((tier) => {
        const { state, seconds } = tierState(tier, now, stopped);
        const { look, icon: Icon } = TIER_LOOK[state];
        const urgent = state === 'running' && seconds < 30;
        return (
          <span
            key={tier.tier}
            className="fb-chip"
            data-look={urgent ? 'yellow' : look}
            title={`${t('tiers.tierLabel', { tier: tier.tier, minutes: tier.minutes })}: ${tierGoal(t, tier)}`}
            data-testid={`tier-${tier.tier}`}
            data-state={state}
          >
            <Icon size={14} aria-hidden />
            {t(`tiersShort.${state}`, { tier: tier.minutes, time: formatClock(seconds) })}
          </span>
        );
      })}
    </span>
  );
}
