import type { Unit } from '@firebreak/contracts';
import { Badge, Button, Card, Group, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { useUnits } from '../../api/queries';
import { formatWhen, type MajorIncident } from './queries';
import { exerciseText } from './exercise-text';
import { useMajorCommand } from './use-major-command';

/** The unit kinds that hold traffic (the server's rule: modules/major-incidents/model.ts PATROL_KINDS). */
const PATROL_KINDS = new Set(['patrol_car', 'foot_patrol', 'bicycle_patrol', 'motorcycle']);
type Point = MajorIncident['points'][number];

/**
 * Traffic control points: computed where roads cross the outer cordon (or placed by the command),
 * each offered to the patrols; the commander gives one to a patrol unit in one action.
 */
export function TrafficPoints({ m }: { m: MajorIncident }) {
  const { t } = useTranslation();
  const points = m.points.filter((p) => p.kind === 'traffic_control');
  const active = m.state === 'active';
  const units = useUnits(active && points.length > 0);
  const patrols = (units.data ?? []).filter((u: Unit) => PATROL_KINDS.has(u.kind));
  const open = points.filter((p) => p.patrol === null).length;
  return (
    <Card withBorder padding="sm" data-testid="major-traffic-points">
      <Group gap={6} mb={4}>
        <Text fw={700}>{t('majorIncidents.trafficPoints')}</Text>
        {points.length > 0 && <Badge size="sm" color={open > 0 ? 'orange' : 'teal'} data-testid="major-traffic-open">{t('majorIncidents.trafficOpen', { open, total: points.length })}</Badge>}
      </Group>
      <Stack gap={4}>
        {points.length === 0 && <Text size="sm" c="dimmed">{t('majorIncidents.noTrafficPoints')}</Text>}
        {points.map((p) => <TrafficPointRow key={p.id} m={m} p={p} patrols={patrols} active={active} />)}
      </Stack>
    </Card>
  );
}

function TrafficPointRow({ m, p, patrols, active }: { m: MajorIncident; p: Point; patrols: Unit[]; active: boolean }) {
  const { t, i18n } = useTranslation();
  const send = useMajorCommand();
  const [unit, setUnit] = useState<string | null>(null);
  const give = (unitId: string | null) => send.mutate({ path: `/major-incidents/${m.id}/points/${p.id}/patrol`, method: 'PUT', body: { unitId } }, { onSuccess: () => setUnit(null) });
  return (
    <Group gap={6} data-testid="major-traffic-point" data-name={p.name} data-held={p.patrol ? 'yes' : 'no'}>
      <Text size="sm" fw={600}>{exerciseText(t, p.name)}</Text>
      <Text size="xs" c="dimmed">
        {p.cordon ? t('majorIncidents.trafficComputed', { count: p.roads ?? 0 }) : t('majorIncidents.trafficPlaced')} · {p.location[1].toFixed(5)}, {p.location[0].toFixed(5)}
      </Text>
      {p.patrol
        ? <Badge size="sm" variant="light" data-testid="major-traffic-patrol">{t('majorIncidents.patrolHeldBy', { callSign: p.patrol.callSign, since: formatWhen(p.patrol.since, i18n.language) })}</Badge>
        : <Badge size="sm" color="orange" variant="outline">{t('majorIncidents.offered')}</Badge>}
      {active && (
        <>
          <Select size="xs" w={150} placeholder={t('majorIncidents.patrolUnit')} value={unit} onChange={setUnit} searchable
            aria-label={t('majorIncidents.patrolFor', { name: exerciseText(t, p.name) })} data-testid="major-traffic-unit"
            data={patrols.filter((u) => u.id !== p.patrol?.unitId).map((u) => ({ value: u.id, label: u.callSign }))} />
          <Button size="compact-xs" variant="light" disabled={!unit} loading={send.isPending} data-testid="major-traffic-give" onClick={() => give(unit)}>
            {t('majorIncidents.givePoint')}
          </Button>
          {p.patrol && (
            <Button size="compact-xs" variant="subtle" color="gray" loading={send.isPending} onClick={() => give(null)}>{t('majorIncidents.takeOff')}</Button>
          )}
        </>
      )}
    </Group>
  );
}
