import { Button, Group, Paper, Text } from '@mantine/core';
import { IconMapPin } from '@tabler/icons-react';
import { useTranslation } from '../../i18n/use-translation';
import { Link } from 'react-router';
import { useOpenHazards, usePlaces } from '../../api/queries';
import { usePlaceName } from './place-name';

/** The key place clicked on the map: its name, open hazards, and the way to its detail and history. */
export function SelectedPlaceCard({ placeId }: { placeId: string }) {
  const { t } = useTranslation();
  const nameOf = usePlaceName();
  const place = usePlaces().data?.find((p) => p.id === placeId);
  const hazards = useOpenHazards().data?.filter((h) => h.placeId === placeId).length ?? 0;
  if (!place) return null;
  return (
    <Paper px="sm" py={4} shadow="sm" data-testid="map-place-card" data-id={placeId} style={{ pointerEvents: 'auto' }}>
      <Group gap="xs" wrap="nowrap">
        <IconMapPin size={16} aria-hidden />
        <Text size="sm" fw={700}>{nameOf(place)}</Text>
        <Text size="xs" c="dimmed">{t(`placeCategory.${place.category}`)}{hazards > 0 ? ` · ${t('place.openHazardCount', { count: hazards })}` : ''}</Text>
        <Button component={Link} to={`/places/${placeId}`} size="compact-xs" variant="light" data-testid="map-place-open">{t('place.open')}</Button>
      </Group>
    </Paper>
  );
}
