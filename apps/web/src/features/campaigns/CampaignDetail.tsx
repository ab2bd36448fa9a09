import { BarChart } from '@mantine/charts';
import { Anchor, Badge, Button, Card, Group, Progress, SegmentedControl, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconCircleCheck, IconClipboardCheck, IconClock, IconFileTypeCsv, IconPrinter, IconX } from '@tabler/icons-react';
import { lazy, Suspense, useMemo, useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { Link, useParams } from 'react-router';
import { useMe } from '../../api/queries';
import type { CampaignAssignment } from '../../api/types';
import { EmptyState, ErrorState, Loading } from '../../shell/States';
import { coverageChart, coverageRows } from './coverage';
import { InspectionModal } from './InspectionModal';
import { PhaseBadge } from './PhaseBadge';
import { useCampaign, useCampaignAssignments, useCoverage } from './queries';
import { useJurisdictionNames } from '../../api/jurisdiction-names';
import { exportQuery } from '../../util/export-query';
import { usePlaceName } from '../places/place-name';

// Its own chunk: the per-day chart loads after the campaign's header and coverage are on screen.
const CampaignProgressChart = lazy(() => import('./CampaignProgressChart'));

type StatusFilter = 'pending' | 'done' | 'missed' | 'all';
const STATUS_LOOK = {
  pending: { color: 'blue', icon: IconClock },
  done: { color: 'teal', icon: IconCircleCheck },
  missed: { color: 'red', icon: IconX },
} as const;

/** One campaign: coverage by jurisdiction (chart and table, live), progress per day, and the places to inspect. */
export function CampaignDetail() {
  const { t, i18n } = useTranslation();
  const placeName = usePlaceName();
  const nameOf = useJurisdictionNames();
  const { id } = useParams() as { id: string };
  const campaign = useCampaign(id);
  const coverage = useCoverage(id);
  const [status, setStatus] = useState<StatusFilter>('pending');
  const assignments = useCampaignAssignments(id, status);
  const mayInspect = useMe().data?.permissions.includes('inspections:record') ?? false;
  const [inspecting, setInspecting] = useState<CampaignAssignment | null>(null);
  const rows = useMemo(() => (coverage.data ? coverageRows(coverage.data) : []), [coverage.data]);
  const chart = useMemo(() => (coverage.data ? coverageChart(coverage.data, nameOf) : []), [coverage.data, nameOf]);

  if (campaign.isPending) return <Loading />;
  if (campaign.isError) return <ErrorState error={campaign.error} onRetry={() => void campaign.refetch()} />;
  const c = campaign.data;
  const root = rows[0];
  const date = (s: string) => new Date(s).toLocaleDateString(i18n.language);

  return (
    <Stack p="md" gap="md" data-testid="campaign-detail" data-id={c.id}>
      <Group justify="space-between" align="flex-start">
        <div>
          <Group gap="xs"><Title order={2} size="h3">{c.title}</Title><PhaseBadge campaign={c} /></Group>
          <Text size="sm" c="dimmed">
            {t('campaigns.issuedBy', { path: nameOf(c.issuerPath) })} · {t('campaigns.window', { from: date(c.startsAt), to: date(c.endsAt) })} · {t('campaigns.dueMissed', { due: date(c.dueAt), missed: date(c.missedAt) })}
          </Text>
          <Group gap={4} mt={4}>{c.categories.map((cat) => <Badge key={cat} size="sm" variant="outline">{t(`placeCategory.${cat}`)}</Badge>)}</Group>
        </div>
        <Group gap="xs">
          <Button component="a" href={`/api/v1/campaigns/${c.id}/report.csv?${exportQuery(i18n.language)}`} variant="default" size="xs" leftSection={<IconFileTypeCsv size={16} aria-hidden />} data-testid="campaign-report-csv">{t('campaigns.reportCsv')}</Button>
          <Button component="a" href={`/api/v1/campaigns/${c.id}/report.html?${exportQuery(i18n.language)}`} target="_blank" rel="noopener" variant="default" size="xs" leftSection={<IconPrinter size={16} aria-hidden />} data-testid="campaign-report-html">{t('campaigns.reportHtml')}</Button>
        </Group>
      </Group>

      {coverage.isPending ? <Loading /> : coverage.isError ? <ErrorState error={coverage.error} onRetry={() => void coverage.refetch()} /> : root && (
        <>
          <Card withBorder data-testid="campaign-coverage" data-inspected={root.inspected} data-total={root.total} data-missed={root.missed}>
            <Group justify="space-between" mb={6}>
              <Text fw={700}>{t('campaigns.coverage')}</Text>
              <Text size="sm" data-testid="campaign-coverage-summary">
                {t('campaigns.summary', { inspected: root.inspected, total: root.total, due: root.due, missed: root.missed, percent: root.percent ?? 0 })}
              </Text>
            </Group>
            <Progress.Root size="xl" role="group" aria-label={t('campaigns.coverage')}>
              <Progress.Section value={pct(root.inspected, root.total)} color="teal" aria-label={t('campaigns.inspected')}><Progress.Label>{t('campaigns.inspected')}</Progress.Label></Progress.Section>
              <Progress.Section value={pct(root.missed, root.total)} color="red" striped aria-label={t('campaigns.missed')}><Progress.Label>{t('campaigns.missed')}</Progress.Label></Progress.Section>
            </Progress.Root>
          </Card>
          <SimpleGrid cols={{ base: 1, xl: 2 }}>
            <Card withBorder>
              <Title order={3} size="h5" mb="xs">{t('campaigns.progressByJurisdiction')}</Title>
              {chart.every((b) => b.inspected + b.due + b.missed === 0) ? <EmptyState title={t('campaigns.noPlaces')} /> : (
                <div data-testid="campaign-chart"><BarChart h={240} data={chart} dataKey="name" type="stacked" withLegend yAxisProps={{ allowDecimals: false }}
                  series={[{ name: 'inspected', label: t('campaigns.inspected'), color: 'teal.6' }, { name: 'due', label: t('campaigns.due'), color: 'gray.6' }, { name: 'missed', label: t('campaigns.missed'), color: 'red.6' }]} /></div>
              )}
            </Card>
            <Card withBorder p={0}>
              <Table fz="sm" data-testid="coverage-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('campaigns.jurisdiction')}</Table.Th>
                    <Table.Th ta="right">{t('campaigns.inspected')}</Table.Th>
                    <Table.Th ta="right">{t('campaigns.due')}</Table.Th>
                    <Table.Th ta="right">{t('campaigns.missed')}</Table.Th>
                    <Table.Th ta="right">{t('campaigns.share')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((r) => (
                    <Table.Tr key={r.path} data-testid="coverage-row" data-path={r.path} data-inspected={r.inspected}>
                      <Table.Td style={{ paddingLeft: `calc(var(--mantine-spacing-sm) + ${r.depth * 1.25}rem)` }}><Text size="sm" fw={r.depth === 0 ? 700 : 400}>{nameOf(r.path, r.name)}</Text></Table.Td>
                      <Table.Td ta="right">{r.inspected} / {r.total}</Table.Td>
                      <Table.Td ta="right">{r.due}</Table.Td>
                      <Table.Td ta="right">{r.missed > 0 ? <Text span c="red.4" fw={700} size="sm">{r.missed}</Text> : 0}</Table.Td>
                      <Table.Td ta="right" ff="monospace">{r.percent === null ? '—' : `${r.percent} %`}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Card>
          </SimpleGrid>
        </>
      )}

      <Suspense fallback={<Loading />}><CampaignProgressChart campaignId={c.id} /></Suspense>

      <Card withBorder p={0}>
        <Group justify="space-between" p="sm">
          <Title order={3} size="h5">{t('campaigns.assignments')}</Title>
          <SegmentedControl size="xs" value={status} onChange={(v) => setStatus(v as StatusFilter)} aria-label={t('campaigns.statusFilter')} data-testid="assignment-filter"
            data={(['pending', 'done', 'missed', 'all'] as const).map((s) => ({ value: s, label: t(`campaigns.status.${s}`) }))} />
        </Group>
        {assignments.isPending ? <Loading /> : assignments.isError ? <ErrorState error={assignments.error} onRetry={() => void assignments.refetch()} /> : assignments.data.length === 0 ? (
          <EmptyState title={t('campaigns.noAssignments')} />
        ) : (
          <Table fz="sm" striped data-testid="campaign-assignments">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('campaigns.place')}</Table.Th>
                <Table.Th>{t('campaigns.jurisdiction')}</Table.Th>
                <Table.Th>{t('campaigns.dueCol')}</Table.Th>
                <Table.Th>{t('campaigns.statusCol')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {assignments.data.map((a) => {
                const look = STATUS_LOOK[a.status];
                return (
                  <Table.Tr key={a.id} data-testid="campaign-assignment" data-place-id={a.placeId} data-status={a.status}>
                    <Table.Td>
                      <Anchor component={Link} to={`/places/${a.placeId}`} size="sm" fw={600} data-testid="assignment-place-link">{placeName(a.placeName)}</Anchor>
                      <Text size="xs" c="dimmed">{t(`placeCategory.${a.category}`)}</Text>
                    </Table.Td>
                    <Table.Td>{nameOf(a.jurisdictionPath)}</Table.Td>
                    <Table.Td>{a.status === 'done' && a.doneAt ? t('campaigns.doneOn', { date: date(a.doneAt) }) : date(a.dueAt)}</Table.Td>
                    <Table.Td><Badge color={look.color} variant="light" leftSection={<look.icon size={12} aria-hidden />}>{t(`campaigns.status.${a.status}`)}</Badge></Table.Td>
                    <Table.Td ta="right">
                      {a.status !== 'done' && mayInspect && (
                        <Button size="xs" leftSection={<IconClipboardCheck size={14} aria-hidden />} onClick={() => setInspecting(a)} data-testid="assignment-inspect">{t('campaigns.inspect')}</Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        )}
      </Card>
      {inspecting && <InspectionModal assignment={inspecting} onClose={() => setInspecting(null)} />}
    </Stack>
  );
}

const pct = (n: number, total: number) => (total === 0 ? 0 : (n / total) * 100);
