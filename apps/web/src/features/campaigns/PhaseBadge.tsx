import type { Campaign } from '@firebreak/contracts';
import { Badge } from '@mantine/core';
import { IconAlertTriangle, IconCalendarTime, IconCheck, IconPlayerPlay } from '@tabler/icons-react';
import { useTranslation } from '../../i18n/use-translation';
import { campaignPhase } from './coverage';

const LOOK = {
  upcoming: { color: 'gray', icon: IconCalendarTime },
  running: { color: 'blue', icon: IconPlayerPlay },
  overdue: { color: 'orange', icon: IconAlertTriangle },
  ended: { color: 'teal', icon: IconCheck },
} as const;

/** The campaign's phase in words and an icon, not colour alone. */
export function PhaseBadge({ campaign }: { campaign: Campaign }) {
  const { t } = useTranslation();
  const phase = campaignPhase(campaign, Date.now());
  const { color, icon: Icon } = LOOK[phase];
  return <Badge color={color} variant="light" leftSection={<Icon size={12} aria-hidden />} data-testid="campaign-phase" data-phase={phase} style={{ flexShrink: 0, overflow: 'visible' }}>{t(`campaigns.phase.${phase}`)}</Badge>;
}
