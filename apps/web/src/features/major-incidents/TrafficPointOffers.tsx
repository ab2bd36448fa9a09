import { Badge, Button, Card, Group, ScrollArea, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import type { TrafficPointOffer as OfferSchema } from '@firebreak/contracts';
import type { Out } from '../../api/types';
import { exerciseText } from './exercise-text';
import { useTrafficPointOffers } from './queries';
import { useMajorCommand } from './use-major-command';

type Offer = Out<typeof OfferSchema>;

/**
 * The open traffic control points of major incidents offered to the caller's patrols (its crew, or a
 * dispatcher for them): each with the patrols near it, nearest first; "Take" takes it for one. The list scrolls
 * within five rows or so, so the unit board under it stays in view.
 */
export function TrafficPointOffers() {
  const { t } = useTranslation();
  const offers = useTrafficPointOffers();
  const list = offers.data ?? [];
  return (
    <Card withBorder padding="sm" data-testid="traffic-offers">
      <Group gap={6} mb={4}>
        <Text fw={700}>{t('majorIncidents.offers.title')}</Text>
        {list.length > 0 && <Badge size="sm" color="orange" data-testid="traffic-offers-count">{list.length}</Badge>}
      </Group>
      <Text size="xs" c="dimmed" mb={4}>{t('majorIncidents.offers.hint')}</Text>
      {/* At most five rows high (an exercise offers 14 points): the unit board below stays on the screen. */}
      <ScrollArea.Autosize mah={170} type="auto" offsetScrollbars data-testid="traffic-offers-list">
        <Stack gap={4}>
          {list.length === 0 && <Text size="sm" c="dimmed">{t('majorIncidents.offers.none')}</Text>}
          {list.map((o) => <OfferRow key={o.pointId} o={o} />)}
        </Stack>
      </ScrollArea.Autosize>
    </Card>
  );
}

function OfferRow({ o }: { o: Offer }) {
  const { t } = useTranslation();
  const send = useMajorCommand();
  const [unit, setUnit] = useState<string | null>(o.patrols[0]?.unitId ?? null);
  const name = exerciseText(t, o.name);
  return (
    <Group gap={6} data-testid="traffic-offer" data-name={o.name}>
      <Text size="sm" fw={600}>{name}</Text>
      <Text size="xs" c="dimmed">{exerciseText(t, o.title)} · {o.location[1].toFixed(5)}, {o.location[0].toFixed(5)}</Text>
      {o.exercise && <Badge size="xs" color="grape" variant="light">{t('majorIncidents.offers.exercise')}</Badge>}
      <Select size="xs" w={230} value={unit} onChange={setUnit} allowDeselect={false} aria-label={t('majorIncidents.offers.patrol', { name })} data-testid="traffic-offer-unit"
        data={o.patrols.map((p) => ({ value: p.unitId, label: t('majorIncidents.offers.metres', { callSign: p.callSign, km: (p.metres / 1000).toFixed(1) }) }))} />
      <Button size="compact-xs" disabled={!unit} loading={send.isPending} data-testid="traffic-offer-take"
        onClick={() => unit && send.mutate({ path: `/major-incidents/${o.majorIncidentId}/points/${o.pointId}/take`, body: { unitId: unit } })}>
        {t('majorIncidents.offers.take')}
      </Button>
    </Group>
  );
}
