import type { ReinforcementRequest } from '@firebreak/contracts';
import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { formatClock, formatTime, secondsSince } from '../../util/time';
import { nameIn, secondsLeft } from './model';

const STATE_COLOR: Record<ReinforcementRequest['state'], string> = { open: 'orange', fulfilled: 'green', exhausted: 'red', cancelled: 'gray' };

/** What is asked: "2 × Fire engine · carrying Technical rescue". */
export function NeedText({ r }: { r: ReinforcementRequest }) {
  const { t } = useTranslation();
  const what = [r.kind && t(`unitKind.${r.kind}`), r.capability && t('reinforcements.carrying', { capability: t(`reinforcements.capability.${r.capability}`, { defaultValue: r.capability }) })].filter(Boolean).join(' · ');
  return <Text fw={700} size="sm">{t('reinforcements.need', { count: r.count, what })}</Text>;
}

/**
 * One request as both sides read it: what, its state, whom it waits on and for how long, its own
 * age (beside the incident's 1-3-5 clock, which keeps running), the units lent and every step.
 */
export function RequestCard({ r, now, actions }: { r: ReinforcementRequest; now: number; actions?: ReactNode }) {
  const { t, i18n } = useTranslation();
  const left = secondsLeft(r, now);
  return (
    <Paper withBorder p="xs" data-testid="reinforcement-request" data-request-id={r.id} data-state={r.state}>
      <Stack gap={4}>
        <Group justify="space-between" wrap="nowrap">
          <Group gap="xs">
            <NeedText r={r} />
            <Badge color={STATE_COLOR[r.state]} variant="light" data-testid="reinforcement-state">{t(`reinforcements.state.${r.state}`)}</Badge>
            <Text size="xs" c="dimmed">{t('reinforcements.granted', { granted: r.granted, count: r.count })}</Text>
          </Group>
          <Text size="sm" ff="monospace" title={t('reinforcements.ageHint')} data-testid="reinforcement-age">
            {t('reinforcements.age', { age: formatClock(secondsSince(r.createdAt, now)) })}
          </Text>
        </Group>
        {r.state === 'open' && r.targetPath && (
          <Text size="sm">
            {t('reinforcements.waitingOn', { name: nameIn(r, r.targetPath) })}
            {left !== null && ` · ${t('reinforcements.answerIn', { left: formatClock(left) })}`}
          </Text>
        )}
        {r.lent.length > 0 && (
          <Group gap={4} data-testid="reinforcement-lent">
            <Text size="xs" c="dimmed">{t('reinforcements.lent')}</Text>
            {r.lent.map((u) => (
              <Badge key={u.unitId} color="teal" variant="outline" data-unit-id={u.unitId}>{t('reinforcements.lentUnit', { callSign: u.callSign, from: nameIn(r, u.jurisdictionPath) })}</Badge>
            ))}
          </Group>
        )}
        <Stack gap={0}>
          {r.steps.map((s, i) => (
            <Text key={i} size="xs" c="dimmed">
              {formatTime(s.at, i18n.language)} · {t(`reinforcements.step.${s.step}`, { name: nameIn(r, s.jurisdictionPath), by: s.by?.name ?? t('reinforcements.system'), units: (s.units ?? []).map((u) => u.callSign).join(', ') })}
              {s.reason && s.reason !== 'incident_closed' ? ` — ${s.reason}` : s.reason === 'incident_closed' ? ` — ${t('reinforcements.incidentClosed')}` : ''}
            </Text>
          ))}
        </Stack>
        {actions}
      </Stack>
    </Paper>
  );
}
