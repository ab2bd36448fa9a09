import { Badge, Button, Card, Checkbox, Group, NumberInput, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { CordonDrawing } from './CordonDrawing';
import { formatWhen, type MajorIncident } from './queries';
import { useMajorCommand } from './use-major-command';

const KINDS = ['inner', 'outer'] as const;

/** Inner and outer cordons, set as a radius or drawn on the map (closing the roads inside or not), with the key places inside; lifted when no longer needed. */
export function Cordons({ m }: { m: MajorIncident }) {
  const { t, i18n } = useTranslation();
  const active = m.state === 'active';
  return (
    <Card withBorder padding="sm" data-testid="major-cordons">
      <Text fw={700} mb={4}>{t('majorIncidents.cordons')}</Text>
      <Stack gap="xs">
        {KINDS.map((kind) => {
          const c = m.cordons.find((x) => x.kind === kind);
          return (
            <Stack key={kind} gap={2} data-testid={`major-cordon-${kind}`} data-set={c ? 'true' : 'false'}>
              <Group gap={6}>
                <Text size="sm" fw={600}>{t(`majorIncidents.cordon.${kind}`)}</Text>
                <Text size="sm" c="dimmed">
                  {!c ? t('majorIncidents.cordonNone') : c.radiusM !== null ? t('majorIncidents.cordonRadius', { metres: c.radiusM }) : t('majorIncidents.cordonDrawn')}
                  {c && ` · ${formatWhen(c.setAt, i18n.language)}`}
                </Text>
                {c?.closesRoads && <Badge size="xs" color="orange" data-testid={`major-cordon-${kind}-closed`}>{t('majorIncidents.roadsClosed')}</Badge>}
                {c && active && <LiftButton m={m} kind={kind} />}
              </Group>
              {c && (
                <Text size="xs" data-testid={`major-cordon-${kind}-places`}>
                  {c.keyPlaces.length === 0 ? t('majorIncidents.noKeyPlaces')
                    : Object.entries(c.keyPlaceCounts).map(([category, n]) => `${t(`placeCategory.${category}`)}: ${n}`).join(' · ')}
                </Text>
              )}
              {c && <Text size="xs" data-testid={`major-cordon-${kind}-buildings`} data-count={c.buildings}>{t('majorIncidents.buildingsInside', { n: c.buildings })}</Text>}
              {active && <RadiusForm m={m} kind={kind} />}
            </Stack>
          );
        })}
        <CordonDrawing m={m} />
      </Stack>
    </Card>
  );
}

function RadiusForm({ m, kind }: { m: MajorIncident; kind: (typeof KINDS)[number] }) {
  const { t } = useTranslation();
  const [radius, setRadius] = useState<number | string>('');
  const [closeRoads, setCloseRoads] = useState(false);
  const send = useMajorCommand();
  return (
    <Group gap={4}>
      <NumberInput size="xs" w={160} value={radius} onChange={setRadius} min={10} max={20_000} allowDecimal={false} suffix=" m"
        placeholder={t('majorIncidents.radius')} aria-label={t('majorIncidents.radiusOf', { kind: t(`majorIncidents.cordon.${kind}`) })} data-testid={`major-cordon-${kind}-radius`} />
      <Button size="compact-xs" variant="light" disabled={typeof radius !== 'number'} loading={send.isPending} data-testid={`major-cordon-${kind}-set`}
        onClick={() => send.mutate({ path: `/major-incidents/${m.id}/cordons/${kind}`, method: 'PUT', body: { radiusM: radius, closeRoads } }, { onSuccess: () => setRadius('') })}>
        {t('majorIncidents.setCordon')}
      </Button>
      <Checkbox size="xs" checked={closeRoads} onChange={(e) => setCloseRoads(e.currentTarget.checked)} label={t('majorIncidents.closeRoads')} data-testid={`major-cordon-${kind}-close-roads`} />
    </Group>
  );
}

function LiftButton({ m, kind }: { m: MajorIncident; kind: (typeof KINDS)[number] }) {
  const { t } = useTranslation();
  const send = useMajorCommand();
  return (
    <Button size="compact-xs" variant="subtle" color="gray" loading={send.isPending} data-testid={`major-cordon-${kind}-lift`}
      onClick={() => send.mutate({ path: `/major-incidents/${m.id}/cordons/${kind}`, method: 'DELETE' })}>
      {t('majorIncidents.liftCordon')}
    </Button>
  );
}
