import '@mantine/charts/styles.css';
import type { ResponseTimesReport } from '@firebreak/contracts';
import { BarChart } from '@mantine/charts';
import { Box, Card, Group, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQueries, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/http';
import { useJurisdictions, type JurisdictionNode } from '../../api/queries';
import { EmptyState, ErrorState, Loading } from '../../shell/States';
import { formatClock } from '../../util/time';
import { CampaignProgressSection } from './CampaignProgressSection';
import { lastDays } from './periods';

const DAYS = 7;

/**
 * Response-time report of a jurisdiction's subtree: p50/p90 of call-to-dispatch, dispatch-to-
 * arrival and call-to-arrival (NFPA 1710 style) for the last week, and tier compliance per day;
 * below, a campaign's progress per day.
 */
export default function ReportsPage() {
  const { t, i18n } = useTranslation();
  const tree = useJurisdictions();
  const options = useMemo(() => flatten(tree.data ?? []), [tree.data]);
  const [jurisdictionId, setJurisdictionId] = useState<string | null>(null);
  const chosen = jurisdictionId ?? options[0]?.value ?? null;
  const days = useMemo(() => lastDays(DAYS, new Date(), i18n.language), [i18n.language]);
  const week = { from: days[0]!.from, to: days.at(-1)!.to };

  const report = useQuery({
    queryKey: ['reports', 'response-times', chosen, week.from],
    enabled: chosen !== null,
    queryFn: () => api<ResponseTimesReport>(`/reports/response-times?jurisdictionId=${chosen}&from=${encodeURIComponent(week.from)}&to=${encodeURIComponent(week.to)}`),
  });
  const daily = useQueries({
    queries: days.map((d) => ({
      queryKey: ['reports', 'response-times', chosen, d.from, d.to],
      enabled: chosen !== null,
      queryFn: () => api<ResponseTimesReport>(`/reports/response-times?jurisdictionId=${chosen}&from=${encodeURIComponent(d.from)}&to=${encodeURIComponent(d.to)}`),
    })),
  });

  const tierSeries = (report.data?.tiers ?? []).map((tier, i) => ({ name: `tier${tier.tier}`, label: t('reports.tier', { tier: tier.tier }), color: ['teal.5', 'yellow.5', 'red.5', 'blue.5'][i % 4]! }));
  const complianceByDay = days.map((d, i) => {
    const row: Record<string, string | number | null> = { day: d.label };
    for (const s of tierSeries) row[s.name] = null;
    for (const tier of daily[i]?.data?.tiers ?? []) row[`tier${tier.tier}`] = tier.complianceRate === null ? null : Math.round(tier.complianceRate * 100);
    return row;
  });
  const intervals = report.data
    ? (['callToDispatch', 'dispatchToArrival', 'callToArrival'] as const).map((k) => ({
        interval: t(`reports.interval.${k}`),
        p50: report.data[k].p50Seconds,
        p90: report.data[k].p90Seconds,
      }))
    : [];

  return (
    // The scroll box is outside the Stack: a flex column of fixed height would squeeze the charts.
    <Box style={{ height: '100%', overflow: 'auto' }}>
    <Stack p="md" gap="md" data-testid="reports">
      <Group justify="space-between">
        <Title order={2} size="h3">{t('reports.title')}</Title>
        <Select label={t('reports.jurisdiction')} data={options} value={chosen} onChange={setJurisdictionId} searchable miw={280} allowDeselect={false} />
      </Group>
      <Text size="sm" c="dimmed">{t('reports.period', { from: days[0]!.label, to: days.at(-1)!.label })}</Text>
      {tree.isError ? <ErrorState error={tree.error} /> : report.isPending ? <Loading /> : report.isError ? <ErrorState error={report.error} onRetry={() => void report.refetch()} /> : report.data.counts.incidents === 0 ? (
        <EmptyState title={t('reports.empty')}>{t('reports.emptyHint')}</EmptyState>
      ) : (
        <>
          <SimpleGrid cols={{ base: 1, lg: 2 }}>
            <Card withBorder>
              <Title order={3} size="h5" mb="xs">{t('reports.responseTimes')}</Title>
              <BarChart h={260} data={intervals} dataKey="interval" valueFormatter={(s) => formatClock(s)} withLegend
                series={[{ name: 'p50', label: t('reports.p50'), color: 'blue.5' }, { name: 'p90', label: t('reports.p90'), color: 'orange.5' }]} />
              <Table mt="sm" fz="sm">
                <Table.Thead><Table.Tr><Table.Th /><Table.Th>{t('reports.p50')}</Table.Th><Table.Th>{t('reports.p90')}</Table.Th><Table.Th>{t('reports.count')}</Table.Th></Table.Tr></Table.Thead>
                <Table.Tbody>
                  {(['callToDispatch', 'dispatchToArrival', 'callToArrival'] as const).map((k) => (
                    <Table.Tr key={k}>
                      <Table.Td>{t(`reports.interval.${k}`)}</Table.Td>
                      <Table.Td ff="monospace">{seconds(report.data[k].p50Seconds)}</Table.Td>
                      <Table.Td ff="monospace">{seconds(report.data[k].p90Seconds)}</Table.Td>
                      <Table.Td>{report.data[k].count}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Card>
            <Card withBorder>
              <Title order={3} size="h5" mb="xs">{t('reports.compliance')}</Title>
              <BarChart h={260} data={report.data.tiers.map((x) => ({ tier: t('reports.tier', { tier: x.tier }), met: x.met, missed: x.missed, open: x.open }))} dataKey="tier" type="stacked" withLegend
                series={[{ name: 'met', label: t('reports.met'), color: 'teal.6' }, { name: 'missed', label: t('reports.missed'), color: 'red.6' }, { name: 'open', label: t('reports.open'), color: 'gray.6' }]} />
              <Text size="sm" mt="sm">
                {report.data.tiers.map((x) => `${t('reports.tier', { tier: x.tier })}: ${x.complianceRate === null ? '—' : `${Math.round(x.complianceRate * 100)} %`}`).join(' · ')}
              </Text>
            </Card>
          </SimpleGrid>
          <Card withBorder>
            <Title order={3} size="h5" mb="xs">{t('reports.complianceOverTime')}</Title>
            {daily.some((d) => d.isPending) ? <Loading /> : (
              <BarChart h={260} data={complianceByDay} dataKey="day" unit=" %" yAxisProps={{ domain: [0, 100] }} withLegend series={tierSeries} />
            )}
            <Text size="xs" c="dimmed" mt={4}>{t('reports.complianceHint')}</Text>
          </Card>
          <Text size="sm" c="dimmed">{t('reports.counts', report.data.counts)}</Text>
          {report.data.doubtfulTimes > 0 && <Text size="sm" c="yellow.4">{t('reports.doubtfulTimes', { count: report.data.doubtfulTimes })}</Text>}
        </>
      )}
      <CampaignProgressSection jurisdictionId={chosen} />
    </Stack>
    </Box>
  );
}

const seconds = (s: number | null) => (s === null ? '—' : formatClock(s));

function flatten(nodes: readonly JurisdictionNode[], depth = 0): { value: string; label: string }[] {
  return nodes.flatMap((n) => [{ value: n.id, label: `${'· '.repeat(depth)}${n.name}` }, ...flatten(n.children, depth + 1)]);
}
