import type { AddMajorPointBody } from '@firebreak/contracts';
import { Button, Card, Group, NumberInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { MAJOR_POINT_KINDS } from './enums';
import type { MajorIncident } from './queries';
import { useMajorCommand } from './use-major-command';
import { exerciseText } from './exercise-text';

type Kind = AddMajorPointBody['kind'];

/** Staging areas, traffic control points, access and evacuation points: where resources gather and where traffic is held. */
export function Points({ m }: { m: MajorIncident }) {
  const { t } = useTranslation();
  const active = m.state === 'active';
  const send = useMajorCommand();
  return (
    <Card withBorder padding="sm" data-testid="major-points">
      <Text fw={700} mb={4}>{t('majorIncidents.points')}</Text>
      <Stack gap={4}>
        {m.points.length === 0 && <Text size="sm" c="dimmed">{t('majorIncidents.noPoints')}</Text>}
        {m.points.map((p) => (
          <Group key={p.id} gap={6} data-testid="major-point" data-kind={p.kind}>
            <Text size="sm" fw={600}>{t(`majorIncidents.pointKind.${p.kind}`)}</Text>
            <Text size="sm">{exerciseText(t, p.name)}</Text>
            <Text size="xs" c="dimmed">{p.location[1].toFixed(5)}, {p.location[0].toFixed(5)}{p.note ? ` · ${exerciseText(t, p.note)}` : ''}</Text>
            {active && (
              <Button size="compact-xs" variant="subtle" color="gray" loading={send.isPending} aria-label={t('majorIncidents.removePoint', { name: p.name })}
                onClick={() => send.mutate({ path: `/major-incidents/${m.id}/points/${p.id}`, method: 'DELETE' })}>{t('majorIncidents.remove')}</Button>
            )}
          </Group>
        ))}
      </Stack>
      {active && <PointForm m={m} />}
    </Card>
  );
}

function PointForm({ m }: { m: MajorIncident }) {
  const { t } = useTranslation();
  const send = useMajorCommand();
  const [kind, setKind] = useState<Kind>('staging');
  const [name, setName] = useState('');
  // Offered at the major incident's point: the commander moves it to the car park or junction meant.
  const [lon, setLon] = useState<number | string>(m.location[0]);
  const [lat, setLat] = useState<number | string>(m.location[1]);
  const ready = name.trim() !== '' && typeof lon === 'number' && typeof lat === 'number';
  return (
    <Group gap={4} mt="xs" align="flex-end">
      <Select size="xs" w={170} label={t('majorIncidents.pointKindLabel')} value={kind} allowDeselect={false} onChange={(v) => v && setKind(v as Kind)}
        data={MAJOR_POINT_KINDS.map((k) => ({ value: k, label: t(`majorIncidents.pointKind.${k}`) }))} data-testid="major-point-kind" />
      <TextInput size="xs" w={200} label={t('majorIncidents.pointName')} value={name} onChange={(e) => setName(e.currentTarget.value)} maxLength={100} data-testid="major-point-name" />
      <NumberInput size="xs" w={110} label={t('majorIncidents.latitude')} value={lat} onChange={setLat} decimalScale={6} min={-90} max={90} />
      <NumberInput size="xs" w={110} label={t('majorIncidents.longitude')} value={lon} onChange={setLon} decimalScale={6} min={-180} max={180} />
      <Button size="compact-sm" variant="light" disabled={!ready} loading={send.isPending} data-testid="major-point-add"
        onClick={() => send.mutate({ path: `/major-incidents/${m.id}/points`, body: { kind, name: name.trim(), location: [lon, lat] } }, { onSuccess: () => setName('') })}>
        {t('majorIncidents.addPoint')}
      </Button>
    </Group>
  );
}
