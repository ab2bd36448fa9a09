import type { IncidentOrigin, ReportBreakdown, ResponseGroup } from '@firebreak/contracts';
import { BarChart } from '@mantine/charts';
import { Button, Card, Group, NumberInput, ScrollArea, SegmentedControl, Select, Stack, Table, Text, Title } from '@mantine/core';
import { IconFileTypeCsv } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { REPORT_BREAKDOWNS, RESPONSE_COMPONENTS } from '../../api/enums';
import { call, fb } from '../../api/http';
import { levelName, useLevels } from '../../api/levels';
import { ErrorState, Loading } from '../../shell/States';
import { formatClock } from '../../util/time';
import { durationTicks } from './periods';

export const COMPONENT_COLORS = { callProcessing: 'blue.5', turnout: 'yellow.5', travel: 'orange.5', total: 'red.6' } as const;

/** Seconds as m:ss (h:mm:ss from an hour on); no measure is a dash, never 0:00. */
export const clock = (s: number | null | undefined) => (s === null || s === undefined ? '—' : formatClock(s));

interface Props {
  jurisdictionId: string;
  /** Depth of the jurisdiction in the tree (1 = the root): the levels below it can be grouped at. */
  depth: number;
  period: { from: string; to: string };
  origin: IncidentOrigin;
}

/**
 * The response-time report broken down by priority, incident type, jurisdiction (at a level of
 * the tree) or unit kind: the NFPA 1710 components as columns (p50, p90, % within N minutes),
 * the tiers' compliance, a chart of the p90s in m:ss, and the CSV of the same figures.
 */
export function ResponseBreakdownSection({ jurisdictionId, depth, period, origin }: Props) {
  const { t, i18n } = useTranslation();
  const [by, setBy] = useState<ReportBreakdown>('priority');
  const [level, setLevel] = useState<string | null>(null);
  const [withinMinutes, setWithinMinutes] = useState<number>(5);
  const levels = useLevels();
  const levelOptions = (levels.data ?? []).filter((l) => l.depth > depth).map((l) => ({ value: String(l.depth), label: levelName(levels.data, l.key, i18n.language) ?? String(l.depth) }));
  const chosenLevel = level !== null && levelOptions.some((o) => o.value === level) ? level : levelOptions[0]?.value ?? null;
  const within = Math.round(withinMinutes * 60);
  const query = new URLSearchParams({ jurisdictionId, from: period.from, to: period.to, origin, by, within: String(within) });
  if (by === 'jurisdiction' && chosenLevel !== null) query.set('level', chosenLevel);

  const report = useQuery({
    queryKey: ['reports', 'response-breakdown', query.toString()],
    queryFn: () => call(fb.GET('/api/v1/reports/response-times/breakdown', { params: { query: { jurisdictionId, from: period.from, to: period.to, origin, by, within: String(within), ...(by === 'jurisdiction' && chosenLevel !== null ? { level: Number(chosenLevel) } : {}) } } })),
    placeholderData: keepPreviousData,
  });
  const percent = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 });
  const share = (g: ResponseGroup, k: (typeof RESPONSE_COMPONENTS)[number]) => {
    const p = g[k].within.find((w) => w.seconds === within)?.percent;
    return p === null || p === undefined ? '—' : `${percent.format(p)} %`;
  };
  const groupLabel = (g: ResponseGroup): string => {
    if (g.key === 'all') return t('responseReport.all');
    if (report.data?.by === 'priority') return `${g.key} · ${t(`priority.${g.key}`)}`;
    if (report.data?.by === 'type') return t(`incidentType.${g.key}`);
    if (report.data?.by === 'unit_kind') return t(`unitKind.${g.key}`);
    return g.name ?? t('responseReport.unnamedJurisdiction');
  };
  const tierNumbers = report.data ? [...new Set([report.data.overall, ...report.data.groups].flatMap((g) => g.tiers.map((x) => x.tier)))].sort((a, b) => a - b) : [];
  const componentLabel = (k: string) => t(`responseReport.component.${k}`);
  const axis = durationTicks(Math.max(0, ...(report.data?.groups ?? []).flatMap((g) => RESPONSE_COMPONENTS.map((k) => g[k].p90Seconds ?? 0))));

  return (
    <Card withBorder data-testid="response-breakdown">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-end" wrap="wrap">
          <Title order={3} size="h5">{t('responseReport.breakdownTitle')}</Title>
          <Group align="flex-end" gap="sm" wrap="wrap">
            <Stack gap={2}>
              <Text size="sm" fw={500}>{t('responseReport.byLabel')}</Text>
              <SegmentedControl data-testid="breakdown-by" value={by} onChange={(v) => setBy(v as ReportBreakdown)}
                data={REPORT_BREAKDOWNS.map((b) => ({ value: b, label: t(`responseReport.by.${b}`) }))} />
            </Stack>
            {by === 'jurisdiction' && levelOptions.length > 0 && (
              <Select label={t('responseReport.level')} data={levelOptions} value={chosenLevel} onChange={setLevel} allowDeselect={false} w={180} data-testid="breakdown-level" />
            )}
            <NumberInput label={t('responseReport.withinLabel')} value={withinMinutes} min={1} max={60} step={1} clampBehavior="strict" allowDecimal={false} w={150}
              onChange={(v) => typeof v === 'number' && v >= 1 && setWithinMinutes(v)} data-testid="within-minutes" />
            <Button component="a" href={`/api/v1/reports/response-times/breakdown.csv?${query}`} download variant="default" leftSection={<IconFileTypeCsv size={16} aria-hidden />} data-testid="breakdown-csv">
              {t('responseReport.csv')}
            </Button>
          </Group>
        </Group>
        {report.isPending ? <Loading /> : report.isError ? <ErrorState error={report.error} onRetry={() => void report.refetch()} /> : (
          <>
            {report.data.groups.length > 0 && (
              <BarChart h={280} data={report.data.groups.map((g) => ({ group: groupLabel(g), ...Object.fromEntries(RESPONSE_COMPONENTS.map((k) => [k, g[k].p90Seconds])) }))}
                dataKey="group" withLegend legendProps={{ itemSorter: null }} valueFormatter={(v) => formatClock(v)} yAxisLabel={t('responseReport.axisP90')} xAxisLabel={t(`responseReport.by.${report.data.by}`)}
                yAxisProps={{ ticks: axis, domain: [0, axis.at(-1)!], interval: 0 }}
                series={RESPONSE_COMPONENTS.map((k) => ({ name: k, label: componentLabel(k), color: COMPONENT_COLORS[k] }))} />
            )}
            <ScrollArea>
              <Table fz="sm" striped withColumnBorders data-testid="breakdown-table" data-by={report.data.by}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th rowSpan={2}>{t(`responseReport.by.${report.data.by}`)}</Table.Th>
                    <Table.Th rowSpan={2}>{t('responseReport.incidents')}</Table.Th>
                    {RESPONSE_COMPONENTS.map((k) => <Table.Th key={k} colSpan={3} ta="center">{componentLabel(k)}</Table.Th>)}
                    {tierNumbers.length > 0 && <Table.Th colSpan={tierNumbers.length} ta="center">{t('responseReport.tiers')}</Table.Th>}
                  </Table.Tr>
                  <Table.Tr>
                    {RESPONSE_COMPONENTS.map((k) => [
                      <Table.Th key={`${k}50`}>{t('responseReport.p50')}</Table.Th>,
                      <Table.Th key={`${k}90`}>{t('responseReport.p90')}</Table.Th>,
                      <Table.Th key={`${k}w`}>{t('responseReport.withinShort', { minutes: withinMinutes })}</Table.Th>,
                    ])}
                    {tierNumbers.map((n) => <Table.Th key={n}>{t('responseReport.tierShort', { tier: n })}</Table.Th>)}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {[report.data.overall, ...report.data.groups].map((g) => (
                    <Table.Tr key={g.key} data-testid="breakdown-row" data-key={g.key} fw={g.key === 'all' ? 600 : undefined}>
                      <Table.Td>{groupLabel(g)}</Table.Td>
                      <Table.Td>{g.incidents}</Table.Td>
                      {RESPONSE_COMPONENTS.map((k) => [
                        <Table.Td key={`${k}50`} ff="monospace" data-testid={`${k}-p50`}>{clock(g[k].p50Seconds)}</Table.Td>,
                        <Table.Td key={`${k}90`} ff="monospace" data-testid={`${k}-p90`}>{clock(g[k].p90Seconds)}</Table.Td>,
                        <Table.Td key={`${k}w`}>{share(g, k)}</Table.Td>,
                      ])}
                      {tierNumbers.map((n) => {
                        const x = g.tiers.find((tier) => tier.tier === n);
                        return <Table.Td key={n}>{x?.complianceRate === null || x === undefined ? '—' : `${percent.format(x.complianceRate * 100)} %`}</Table.Td>;
                      })}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollArea>
            <Text size="xs" c="dimmed">{t('responseReport.definitions')}</Text>
            {report.data.by === 'unit_kind' && <Text size="xs" c="dimmed">{t('responseReport.unitKindNote')}</Text>}
          </>
        )}
      </Stack>
    </Card>
  );
}
