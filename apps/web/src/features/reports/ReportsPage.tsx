import '@mantine/charts/styles.css';
import type { IncidentOrigin } from '@firebreak/contracts';
import { BarChart } from '@mantine/charts';
import { Box, Card, Group, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useQueries, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { zoneName } from '../../util/time';
import { useSearchParams } from 'react-router';
import { INCIDENT_ORIGINS, RESPONSE_COMPONENTS } from '../../api/enums';
import { call, fb } from '../../api/http';
import { jurisdictionOptions } from '../../api/jurisdiction-names';
import { useJurisdictions } from '../../api/queries';
import { EmptyState, ErrorState, Loading } from '../../shell/States';
import { formatClock } from '../../util/time';
import { CampaignProgressSection } from './CampaignProgressSection';
import { daysBetween, dayStart, durationTicks, lastDays, periodOf } from './periods';
import { clock, COMPONENT_COLORS, ResponseBreakdownSection } from './ResponseBreakdownSection';

const DEFAULT_DAYS = 7;
/** Compliance per day is drawn for periods up to this many days (one small query per day). */
const MAX_DAILY = 62;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Response-time report of a jurisdiction's subtree over a period of calendar days in the user's
 * time zone (default: the last 7), for live, imported or simulated incidents: the NFPA 1710
 * components (p50/p90 as m:ss), the tiers' compliance overall and per day, the breakdown by
 * priority / type / jurisdiction / unit kind; below, a campaign's progress per day. The choice
 * is kept in the address (`?jurisdiction=&from=&to=&origin=`), so a report can be linked.
 */
export default function ReportsPage() {
  const { t, i18n } = useTranslation();
  const tree = useJurisdictions();
  const options = useMemo(() => jurisdictionOptions(tree.data ?? [], i18n.language), [tree.data, i18n.language]);
  const [params, setParams] = useSearchParams();
  const set = (key: string, value: string | null) => setParams((p) => {
    const next = new URLSearchParams(p);
    if (value) next.set(key, value);
    else next.delete(key);
    return next;
  }, { replace: true });
  const fallback = useMemo(() => lastDays(DEFAULT_DAYS, new Date()), []);
  const first = DAY.test(params.get('from') ?? '') ? params.get('from')! : fallback.first;
  const lastAsked = DAY.test(params.get('to') ?? '') ? params.get('to')! : fallback.last;
  const last = lastAsked < first ? first : lastAsked;
  const origin: IncidentOrigin = (INCIDENT_ORIGINS as readonly string[]).includes(params.get('origin') ?? '') ? (params.get('origin') as IncidentOrigin) : 'live';
  const asked = params.get('jurisdiction');
  const chosenOption = options.find((o) => o.value === asked) ?? options[0] ?? null;
  const chosen = chosenOption?.value ?? null;
  const period = periodOf(first, last);
  const days = useMemo(() => daysBetween(first, last, i18n.language, MAX_DAILY + 1), [first, last, i18n.language]);
  const dateLabel = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' });
  // The zone by its name in the user's language ("中欧时间"), never its IANA id.
  const timeZone = zoneName(Intl.DateTimeFormat().resolvedOptions().timeZone, i18n.language);

  const report = useQuery({
    queryKey: ['reports', 'response-breakdown', chosen, period.from, period.to, origin, 'overall'],
    enabled: chosen !== null,
    queryFn: () => call(fb.GET('/api/v1/reports/response-times/breakdown', { params: { query: { jurisdictionId: chosen!, ...period, origin, by: 'priority' } } })),
  });
  const daily = useQueries({
    queries: (days.length <= MAX_DAILY ? days : []).map((d) => ({
      queryKey: ['reports', 'response-times', chosen, d.from, d.to, origin],
      enabled: chosen !== null,
      queryFn: () => call(fb.GET('/api/v1/reports/response-times', { params: { query: { jurisdictionId: chosen!, from: d.from, to: d.to, origin } } })),
    })),
  });

  const overall = report.data?.overall;
  const tierSeries = (overall?.tiers ?? []).map((tier, i) => ({ name: `tier${tier.tier}`, label: t('reports.tier', { tier: tier.tier }), color: ['teal.5', 'yellow.5', 'red.5', 'blue.5'][i % 4]! }));
  const complianceByDay = days.slice(0, daily.length).map((d, i) => {
    const row: Record<string, string | number | null> = { day: d.label };
    for (const s of tierSeries) row[s.name] = null;
    for (const tier of daily[i]?.data?.tiers ?? []) row[`tier${tier.tier}`] = tier.complianceRate === null ? null : Math.round(tier.complianceRate * 1000) / 10;
    return row;
  });
  const percent = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 });
  const axis = durationTicks(Math.max(0, ...RESPONSE_COMPONENTS.map((k) => overall?.[k].p90Seconds ?? 0)));
  const depth = chosenOption?.depth ?? 1;

  return (
    // The scroll box is outside the Stack: a flex column of fixed height would squeeze the charts.
    <Box style={{ height: '100%', overflow: 'auto' }}>
    <Stack p="md" gap="md" data-testid="reports">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Title order={2} size="h3">{t('responseReport.title')}</Title>
        <Group align="flex-end" gap="sm" wrap="wrap">
          <Select label={t('reports.jurisdiction')} data={options} value={chosen} onChange={(v) => set('jurisdiction', v)} searchable miw={260} allowDeselect={false} data-testid="report-jurisdiction" />
          <Select label={t('responseReport.originLabel')} data={INCIDENT_ORIGINS.map((o) => ({ value: o, label: t(`responseReport.origin.${o}`) }))} value={origin} onChange={(v) => set('origin', v)} allowDeselect={false} w={170} data-testid="report-origin" />
          <TextInput type="date" label={t('responseReport.from')} value={first} max={last} onChange={(e) => DAY.test(e.currentTarget.value) && set('from', e.currentTarget.value)} data-testid="report-from" />
          <TextInput type="date" label={t('responseReport.to')} value={last} min={first} onChange={(e) => DAY.test(e.currentTarget.value) && set('to', e.currentTarget.value)} data-testid="report-to" />
        </Group>
      </Group>
      <Text size="sm" c="dimmed" data-testid="report-period">
        {t('responseReport.period', { from: dateLabel.format(dayStart(first)), to: dateLabel.format(dayStart(last)), timeZone })}
      </Text>
      {tree.isError ? <ErrorState error={tree.error} /> : chosen === null || report.isPending ? <Loading /> : report.isError ? <ErrorState error={report.error} onRetry={() => void report.refetch()} /> : report.data.overall.incidents === 0 ? (
        <EmptyState title={t('reports.empty')}>{t('reports.emptyHint')}</EmptyState>
      ) : (
        <>
          <SimpleGrid cols={{ base: 1, lg: 2 }}>
            <Card withBorder>
              <Title order={3} size="h5" mb="xs">{t('responseReport.componentsTitle')}</Title>
              <BarChart h={260} data={RESPONSE_COMPONENTS.map((k) => ({ component: t(`responseReport.component.${k}`), p50: report.data.overall[k].p50Seconds, p90: report.data.overall[k].p90Seconds }))}
                dataKey="component" withLegend valueFormatter={(v) => formatClock(v)} yAxisLabel={t('responseReport.axisDuration')}
                yAxisProps={{ ticks: axis, domain: [0, axis.at(-1)!], interval: 0 }}
                series={[{ name: 'p50', label: t('responseReport.p50'), color: 'blue.5' }, { name: 'p90', label: t('responseReport.p90'), color: 'orange.5' }]} />
              <Table mt="sm" fz="sm" data-testid="components-table">
                <Table.Thead><Table.Tr><Table.Th /><Table.Th>{t('responseReport.p50')}</Table.Th><Table.Th>{t('responseReport.p90')}</Table.Th><Table.Th>{t('responseReport.within5')}</Table.Th><Table.Th>{t('responseReport.measured')}</Table.Th></Table.Tr></Table.Thead>
                <Table.Tbody>
                  {RESPONSE_COMPONENTS.map((k) => {
                    const s = report.data.overall[k];
                    const five = s.within.find((w) => w.seconds === 300)?.percent;
                    return (
                      <Table.Tr key={k} data-testid={`component-${k}`}>
                        <Table.Td><Box component="span" mr={6} style={{ display: 'inline-block', width: 8, height: 8, borderRadius: 4, background: `var(--mantine-color-${COMPONENT_COLORS[k].replace('.', '-')})` }} />{t(`responseReport.component.${k}`)}</Table.Td>
                        <Table.Td ff="monospace">{clock(s.p50Seconds)}</Table.Td>
                        <Table.Td ff="monospace">{clock(s.p90Seconds)}</Table.Td>
                        <Table.Td>{five === null || five === undefined ? '—' : `${percent.format(five)} %`}</Table.Td>
                        <Table.Td>{s.count}</Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </Card>
            <Card withBorder>
              <Title order={3} size="h5" mb="xs">{t('reports.compliance')}</Title>
              <BarChart h={260} data={report.data.overall.tiers.map((x) => ({ tier: t('reports.tier', { tier: x.tier }), met: x.met, missed: x.missed, open: x.open }))} dataKey="tier" type="stacked" withLegend
                yAxisLabel={t('responseReport.axisIncidents')} yAxisProps={{ allowDecimals: false }}
                series={[{ name: 'met', label: t('reports.met'), color: 'teal.6' }, { name: 'missed', label: t('reports.missed'), color: 'red.6' }, { name: 'open', label: t('reports.open'), color: 'gray.6' }]} />
              <Text size="sm" mt="sm">
                {report.data.overall.tiers.map((x) => `${t('reports.tier', { tier: x.tier })}: ${x.complianceRate === null ? '—' : `${percent.format(x.complianceRate * 100)} %`}`).join(' · ')}
              </Text>
            </Card>
          </SimpleGrid>
          <Card withBorder>
            <Title order={3} size="h5" mb="xs">{t('reports.complianceOverTime')}</Title>
            {days.length > MAX_DAILY ? <Text size="sm" c="dimmed">{t('responseReport.tooManyDays', { max: MAX_DAILY })}</Text> : daily.some((d) => d.isPending) ? <Loading /> : (
              <BarChart h={260} data={complianceByDay} dataKey="day" valueFormatter={(v) => `${percent.format(v)} %`} yAxisProps={{ domain: [0, 100] }} withLegend series={tierSeries}
                yAxisLabel={t('responseReport.axisCompliance')} xAxisLabel={t('responseReport.axisDay', { timeZone })} />
            )}
            <Text size="xs" c="dimmed" mt={4}>{t('reports.complianceHint')}</Text>
          </Card>
          <ResponseBreakdownSection jurisdictionId={chosen} depth={depth} period={period} origin={origin} />
          <Text size="sm" c="dimmed">{t('reports.counts', { incidents: report.data.overall.incidents, dispatched: report.data.overall.dispatched, arrived: report.data.overall.arrived })}</Text>
          {report.data.overall.doubtfulTimes > 0 && <Text size="sm" c="yellow.4">{t('reports.doubtfulTimes', { count: report.data.overall.doubtfulTimes })}</Text>}
        </>
      )}
      <CampaignProgressSection jurisdictionId={chosen} />
    </Stack>
    </Box>
  );
}
