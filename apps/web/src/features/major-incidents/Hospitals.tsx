import { Card, Table, Text } from '@mantine/core';
import { useTranslation } from '../../i18n/use-translation';
import { formatClock } from '../../util/time';
import { useMajorHospitals, type MajorIncident } from './queries';

const km = (metres: number, lang: string) => (metres / 1000).toLocaleString(lang, { maximumFractionDigits: 1 });

/** Where the casualties go: hospitals by road time for an ambulance, with the distance, from the scene or its staging area. */
export function Hospitals({ m }: { m: MajorIncident }) {
  const { t, i18n } = useTranslation();
  const q = useMajorHospitals(m.id);
  const data = q.data;
  return (
    <Card withBorder padding="sm" data-testid="major-hospitals">
      <Text fw={700}>{t('majorIncidents.hospitals.title')}</Text>
      {data && (
        <Text size="xs" c="dimmed">{data.from.kind === 'scene' ? t('majorIncidents.hospitals.fromScene') : t('majorIncidents.hospitals.fromPoint', { name: data.from.name ?? '' })}</Text>
      )}
      {data && data.hospitals.length === 0 && <Text size="sm" c="dimmed">{t('majorIncidents.hospitals.none')}</Text>}
      {data && data.hospitals.length > 0 && (
        <Table fz="sm" mt={4}>
          <Table.Thead>
            <Table.Tr><Table.Th>{t('majorIncidents.hospitals.name')}</Table.Th><Table.Th>{t('majorIncidents.hospitals.time')}</Table.Th><Table.Th>{t('majorIncidents.hospitals.distance')}</Table.Th></Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.hospitals.map((h) => (
              <Table.Tr key={h.placeId} data-testid="major-hospital">
                <Table.Td>{h.name}</Table.Td>
                <Table.Td>{h.travelSeconds === null ? t('majorIncidents.hospitals.noRoad') : formatClock(h.travelSeconds)}</Table.Td>
                <Table.Td>{t('majorIncidents.hospitals.km', { road: h.roadMetres === null ? '—' : km(h.roadMetres, i18n.language), straight: km(h.straightMetres, i18n.language) })}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}
