import { Anchor, Badge, Box, Button, Card, Group, SimpleGrid, Stack, Table, Text, Timeline, Title } from '@mantine/core';
import { IconAlertTriangle, IconClipboardCheck, IconHistory, IconMapPin, IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { Link, useNavigate, useParams } from 'react-router';
import { allPages, ApiError, call, fb } from '../../api/http';
import { useMe } from '../../api/queries';
import { EmptyState, ErrorState, Loading } from '../../shell/States';
import { RaiseHazardModal } from '../hazards/RaiseHazardModal';
import { usePlaceName } from './place-name';
import { changedFields } from './history';
import { useJurisdictionNames } from '../../api/jurisdiction-names';
import { actionLabel, actorLabel } from '../../i18n/action-label';

/** Everything about one key place: who runs it, its risk, its open hazards, inspections and the changes to it. */
export default function PlaceDetailPage() {
  const { t, i18n } = useTranslation();
  const placeName = usePlaceName();
  const nameOf = useJurisdictionNames();
  const { id } = useParams() as { id: string };
  const me = useMe().data;
  const perms = me?.permissions ?? [];
  const navigate = useNavigate();
  const [raising, setRaising] = useState(false);
  const place = useQuery({ queryKey: ['place', id], queryFn: () => call(fb.GET('/api/v1/places/{id}', { params: { path: { id } } })) });
  const history = useQuery({ queryKey: ['place', id, 'history'], queryFn: () => call(fb.GET('/api/v1/places/{id}/history', { params: { path: { id } } })) });
  const hazards = useQuery({ queryKey: ['hazards', 'place', id], enabled: perms.includes('hazards:read'), queryFn: () => allPages((cursor) => call(fb.GET('/api/v1/hazards', { params: { query: { placeId: id, state: 'open,rectifying,submitted', limit: 200, cursor } } })), 5) });
  const inspections = useQuery({ queryKey: ['place', id, 'inspections'], queryFn: () => call(fb.GET('/api/v1/inspections', { params: { query: { placeId: id, limit: 20 } } })) });
  // A place without a risk score (or a user who may not see one) is not an error: the card says so.
  const risk = useQuery({ queryKey: ['place', id, 'risk'], retry: false, queryFn: () => call(fb.GET('/api/v1/risk/places/{id}', { params: { path: { id } } })).catch((e: unknown) => (e instanceof ApiError && e.status < 500 ? null : Promise.reject(e))) });
  const dateTime = (s: string) => new Date(s).toLocaleString(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });

  if (place.isPending) return <Loading />;
  if (place.isError) return <ErrorState error={place.error} onRetry={() => void place.refetch()} />;
  const p = place.data;
  // The server decides; this keeps the button from people it would refuse.
  const mayRaise = perms.includes('hazards:manage') && (me?.grants ?? []).some((g) => p.jurisdictionPath === g.jurisdictionPath || p.jurisdictionPath.startsWith(`${g.jurisdictionPath}.`));

  return (
    <Box style={{ height: '100%', overflow: 'auto' }}>
      <Stack p="md" gap="md" data-testid="place-detail" data-id={p.id}>
        <div>
          <Group gap="xs"><IconMapPin aria-hidden /><Title order={2} size="h3">{placeName(p)}</Title><Badge variant="outline">{t(`placeCategory.${p.category}`)}</Badge></Group>
          <Text size="sm" c="dimmed">{nameOf(p.jurisdictionPath)} · {p.location[1].toFixed(5)}, {p.location[0].toFixed(5)}</Text>
        </div>
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <Card withBorder>
            <Title order={3} size="h5" mb="xs">{t('place.details')}</Title>
            <Table fz="sm" variant="vertical" withRowBorders={false}>
              <Table.Tbody>
                <Table.Tr><Table.Th w={160}>{t('place.operator')}</Table.Th><Table.Td>{p.operator ?? '—'}</Table.Td></Table.Tr>
                <Table.Tr><Table.Th>{t('place.contact')}</Table.Th><Table.Td>{p.contact ?? '—'}</Table.Td></Table.Tr>
                <Table.Tr><Table.Th>{t('place.responsiblePost')}</Table.Th><Table.Td>{p.responsiblePost ?? '—'}</Table.Td></Table.Tr>
                <Table.Tr><Table.Th>{t('place.updated')}</Table.Th><Table.Td>{dateTime(p.updatedAt)} · {t('place.version', { n: p.version })}</Table.Td></Table.Tr>
              </Table.Tbody>
            </Table>
          </Card>
          <Card withBorder data-testid="place-risk">
            <Title order={3} size="h5" mb="xs">{t('place.risk')}</Title>
            {risk.isPending ? <Loading /> : risk.isError ? <ErrorState error={risk.error} /> : !risk.data ? <Text size="sm" c="dimmed">{t('place.noRisk')}</Text> : (
              <Stack gap={4}>
                <Group gap="xs" align="baseline">
                  <Text fz={32} fw={800} ff="monospace" data-testid="place-risk-score">{risk.data.risk.score.toFixed(1)}</Text>
                  <Text size="sm" c="dimmed">{t('place.riskScore')}</Text>
                </Group>
                <Text size="sm">{t('place.riskHazards', { major: risk.data.openMajor, general: risk.data.openGeneral, overdue: risk.data.overdue })}</Text>
                <Text size="sm">{risk.data.lastInspectedAt ? t('place.lastInspected', { date: dateTime(risk.data.lastInspectedAt) }) : t('place.neverInspected')}</Text>
                <Text size="xs" c="dimmed">
                  {t('place.riskParts', { category: risk.data.risk.category.toFixed(1), major: risk.data.risk.majorHazards.toFixed(1), general: risk.data.risk.generalHazards.toFixed(1), overdue: risk.data.risk.overdue.toFixed(1), age: risk.data.risk.inspectionAge.toFixed(1) })}
                </Text>
              </Stack>
            )}
          </Card>
        </SimpleGrid>

        <Card withBorder p={0} data-testid="place-hazards">
          <Group p="sm" gap="xs" justify="space-between">
            <Group gap="xs"><IconAlertTriangle size={18} aria-hidden /><Title order={3} size="h5">{t('place.openHazards')}</Title></Group>
            {mayRaise && <Button size="xs" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => setRaising(true)} data-testid="place-raise-hazard">{t('hazardWork.raise.open')}</Button>}
          </Group>
          {!perms.includes('hazards:read') ? null : hazards.isPending ? <Loading /> : hazards.isError ? <ErrorState error={hazards.error} onRetry={() => void hazards.refetch()} /> : hazards.data.length === 0 ? (
            <EmptyState title={t('place.noHazards')} />
          ) : (
            <Table fz="sm" striped>
              <Table.Thead><Table.Tr><Table.Th>{t('hazards.hazard')}</Table.Th><Table.Th>{t('hazards.grade')}</Table.Th><Table.Th>{t('hazards.state')}</Table.Th><Table.Th>{t('hazards.due')}</Table.Th></Table.Tr></Table.Thead>
              <Table.Tbody>
                {hazards.data.map((h) => (
                  <Table.Tr key={h.id} data-testid="place-hazard">
                    <Table.Td fw={600}><Anchor component={Link} to={`/hazards?hazard=${h.id}`} size="sm" data-testid="place-hazard-open">{h.title}</Anchor></Table.Td>
                    <Table.Td><Badge color={h.grade === 'major' ? 'red' : 'yellow'} variant={h.grade === 'major' ? 'filled' : 'light'}>{t(`hazards.grades.${h.grade}`)}</Badge></Table.Td>
                    <Table.Td>{t(`hazards.states.${h.state}`)}</Table.Td>
                    <Table.Td>{new Date(h.dueAt).toLocaleDateString(i18n.language)}{h.overdue && <Text span size="xs" fw={700} c="red.4"> · {t('place.overdue')}</Text>}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Card>

        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <Card withBorder data-testid="place-inspections">
            <Group gap="xs" mb="xs"><IconClipboardCheck size={18} aria-hidden /><Title order={3} size="h5">{t('place.inspections')}</Title></Group>
            {inspections.isPending ? <Loading /> : inspections.isError ? <ErrorState error={inspections.error} /> : inspections.data.items.length === 0 ? <EmptyState title={t('place.noInspections')} /> : (
              <Stack gap="xs">
                {inspections.data.items.map((i) => (
                  <div key={i.id} data-testid="place-inspection">
                    <Text size="sm"><Text span fw={600}>{dateTime(i.recordedAt)}</Text> · {i.templateKey} v{i.templateVersion} · {t('place.score', { score: i.scorePercent === null ? '—' : Math.round(i.scorePercent) })}</Text>
                    <Group gap={4} mt={2}>
                      {i.failedItems.length > 0
                        ? <Badge color="orange" variant="light" leftSection={<IconAlertTriangle size={12} aria-hidden />}>{t('place.failedItems', { count: i.failedItems.length })}</Badge>
                        : <Badge color="teal" variant="light">{t('place.allPassed')}</Badge>}
                      {i.farFromPlace && <Badge color="gray" variant="outline">{t('place.farFromPlace')}</Badge>}
                    </Group>
                  </div>
                ))}
              </Stack>
            )}
          </Card>
          <Card withBorder data-testid="place-history">
            <Group gap="xs" mb="xs"><IconHistory size={18} aria-hidden /><Title order={3} size="h5">{t('place.history')}</Title></Group>
            {history.isPending ? <Loading /> : history.isError ? <ErrorState error={history.error} /> : history.data.length === 0 ? <EmptyState title={t('place.noHistory')} /> : (
              <Timeline bulletSize={14} lineWidth={2}>
                {[...history.data].reverse().map((h, i) => (
                  <Timeline.Item key={`${h.at}-${i}`} title={<Text size="sm" fw={600}>{actionLabel(t, h.action)}</Text>} data-testid="place-history-entry">
                    <Text size="xs" c="dimmed">{dateTime(h.at)} · {actorLabel(t, h.actorName)}</Text>
                    {changedFields(h.before, h.after).length > 0 && <Text size="xs">{t('place.changed', { fields: changedFields(h.before, h.after).join(', ') })}</Text>}
                  </Timeline.Item>
                ))}
              </Timeline>
            )}
          </Card>
        </SimpleGrid>
        {raising && <RaiseHazardModal places={[p]} place={p} placeLabel={placeName} onClose={() => setRaising(false)} onRaised={(h) => void navigate(`/hazards?hazard=${h.id}`)} />}
        <Group gap="md">
          <Anchor component={Link} to="/hazards" size="sm">{t('place.toHazardBoard')}</Anchor>
          <Anchor component={Link} to="/campaigns" size="sm">{t('place.toCampaigns')}</Anchor>
        </Group>
      </Stack>
    </Box>
  );
}
