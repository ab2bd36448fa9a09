import '@mantine/charts/styles.css';
import type { IncidentOrigin, ReplayResult, ResponseGroup } from '@firebreak/contracts';
import { BarChart } from '@mantine/charts';
import { Box, Button, Card, Code, Group, NumberInput, Select, SimpleGrid, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { INCIDENT_ORIGINS } from '../../api/enums';
import { call, fb } from '../../api/http';
import { jurisdictionOptions } from '../../api/jurisdiction-names';
import { useJurisdictions, useMe } from '../../api/queries';
import { ErrorState } from '../../shell/States';
import { formatClock } from '../../util/time';
import { lastDays, periodOf } from '../reports/periods';
import { defaultReplayChoice, type ReplayChoice } from './default-origin';
import { ImportCallsCard } from './ImportCallsCard';
import { recordedNotCompared } from './recorded-side';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
// Recorded grey, the deployment blue, the compared one orange: each keeps its colour when the recorded side is left out.
const COLORS: Record<string, string> = { recorded: 'gray.6', run0: 'blue.5', run1: 'orange.5' };
const seriesColor = (key: string) => COLORS[key] ?? 'teal.5';

type Figures = { overall: ResponseGroup; groups: ResponseGroup[] };

/** The deployment file's shape: its field names are the format's (docs/replay.md), the same in every language. */
const DEPLOYMENT_SHAPE = '{"move": [{"callSign": …, "base": [lon, lat]}], "remove": […], "add": […]}';

/** A deployment file typed in: empty is none; anything else must be JSON (the server checks the rest and names the field). */
function parseDeployment(text: string): { value?: unknown; bad: boolean } {
  if (text.trim() === '') return { bad: false };
  try {
    return { value: JSON.parse(text) as unknown, bad: false };
  } catch {
    return { bad: true };
  }
}

/**
 * What-if replay (issue 16 §4): the calls of a period replayed against the fleet as it stands or a
 * deployment typed in (units removed, moved, added, shifts), beside another; the 1-3-5 tiers
 * compared in a chart (recorded, then each deployment), the figures by priority in a table.
 */
export default function ReplayPage() {
  const { t, i18n } = useTranslation();
  const tree = useJurisdictions();
  // Importing history is an administrator's (`jurisdictions:manage`; the server checks the jurisdiction).
  const mayImport = useMe().data?.permissions.includes('jurisdictions:manage') ?? false;
  const options = useMemo(() => jurisdictionOptions(tree.data ?? [], i18n.language), [tree.data, i18n.language]);
  const fallback = useMemo(() => lastDays(7, new Date()), []);
  const [jurisdiction, setJurisdiction] = useState<string | null>(null);
  const [first, setFirst] = useState(fallback.first);
  const [last, setLast] = useState(fallback.last);
  const [origin, setOrigin] = useState<IncidentOrigin>('live');
  const [seed, setSeed] = useState<number>(1);
  const [deploymentText, setDeploymentText] = useState('');
  const [compareText, setCompareText] = useState('');
  const chosen = jurisdiction ?? options[0]?.value ?? null;
  // Each origin's newest call in the jurisdiction: the screen starts with calls that exist (a fresh
  // demo world has simulated calls, no live ones) until the user picks an origin or dates.
  const [touched, setTouched] = useState(false);
  const newest = useQuery({
    queryKey: ['replay', 'newest-calls', chosen],
    enabled: chosen !== null,
    queryFn: async () => Object.fromEntries(await Promise.all(INCIDENT_ORIGINS.map(async (o) => {
      const page = await call(fb.GET('/api/v1/incidents', { params: { query: { jurisdictionId: chosen!, origin: o, limit: 1 } } }));
      return [o, page.items[0]?.receivedAt ?? null] as const;
    }))) as Record<IncidentOrigin, string | null>,
  });
  const suggested = useMemo(() => (newest.data ? defaultReplayChoice(newest.data, new Date()) : null), [newest.data]);
  const choose = (c: ReplayChoice) => { setOrigin(c.origin); setFirst(c.first); setLast(c.last); };
  useEffect(() => { if (suggested && !touched) choose(suggested); }, [suggested, touched]);
  const deployment = parseDeployment(deploymentText);
  const compare = parseDeployment(compareText);

  const run = useMutation({
    // `sample`: the bundled SF week placed into the jurisdiction by the server, in memory (nothing is
    // imported), so that a fresh demo world without history can be replayed in one step.
    mutationFn: (sample?: 'sf-week') => call(fb.POST('/api/v1/replays', {
      body: {
        jurisdictionId: chosen!, seed,
        ...(sample ? { ...periodOf(SAMPLE_WEEK.first, SAMPLE_WEEK.last), origin: 'historical' as const, sample } : { ...periodOf(first, last < first ? first : last), origin }),
        ...(deployment.value !== undefined ? { deployment: deployment.value as never } : {}),
        ...(compare.value !== undefined ? { compare: compare.value as never } : {}),
      },
    })),
  });
  const result = run.data;

  return (
    <Box style={{ height: '100%', overflow: 'auto' }}>
      <Stack p="md" gap="md" data-testid="replay">
        <Title order={2} size="h3">{t('replay.title')}</Title>
        <Text size="sm" c="dimmed">{t('replay.intro')}</Text>
        <Group align="flex-end" gap="sm" wrap="wrap">
          <Select label={t('reports.jurisdiction')} data={options} value={chosen} onChange={setJurisdiction} searchable miw={240} allowDeselect={false} data-testid="replay-jurisdiction" />
          <Select label={t('responseReport.originLabel')} data={INCIDENT_ORIGINS.map((o) => ({ value: o, label: t(`responseReport.origin.${o}`) }))} value={origin} onChange={(v) => { if (v) { setTouched(true); setOrigin(v as IncidentOrigin); } }} allowDeselect={false} w={170} data-testid="replay-origin" />
          <TextInput type="date" label={t('responseReport.from')} value={first} max={last} onChange={(e) => { if (DAY.test(e.currentTarget.value)) { setTouched(true); setFirst(e.currentTarget.value); } }} data-testid="replay-from" />
          <TextInput type="date" label={t('responseReport.to')} value={last} min={first} onChange={(e) => { if (DAY.test(e.currentTarget.value)) { setTouched(true); setLast(e.currentTarget.value); } }} data-testid="replay-to" />
          <NumberInput label={t('replay.seed')} value={seed} onChange={(v) => setSeed(typeof v === 'number' ? v : 1)} min={0} max={4294967295} allowDecimal={false} w={120} data-testid="replay-seed" />
        </Group>
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <Textarea label={t('replay.deployment')} description={<>{t('replay.deploymentHint')} <Code>{DEPLOYMENT_SHAPE}</Code></>} value={deploymentText} onChange={(e) => setDeploymentText(e.currentTarget.value)}
            autosize minRows={3} maxRows={10} ff="monospace" error={deployment.bad ? t('replay.notJson') : undefined} data-testid="replay-deployment" />
          <Textarea label={t('replay.compare')} description={t('replay.compareHint')} value={compareText} onChange={(e) => setCompareText(e.currentTarget.value)}
            autosize minRows={3} maxRows={10} ff="monospace" error={compare.bad ? t('replay.notJson') : undefined} data-testid="replay-compare" />
        </SimpleGrid>
        <Group>
          <Button variant="light" onClick={() => { setTouched(true); choose({ origin: 'historical', ...SAMPLE_WEEK }); run.mutate('sf-week'); }} loading={run.isPending} disabled={chosen === null || deployment.bad || compare.bad} data-testid="replay-sample">{t('replay.sample')}</Button>
          <Button onClick={() => run.mutate(undefined)} loading={run.isPending} disabled={chosen === null || deployment.bad || compare.bad} data-testid="replay-run">{t('replay.run')}</Button>
        </Group>
        {run.isError && <ErrorState error={run.error} />}
        {result && result.calls.replayed === 0 && (
          <Stack gap={4} data-testid="replay-empty">
            <Text size="sm">{t('replay.empty', { origin: t(`responseReport.origin.${origin}`), first, last })}</Text>
            {suggested && suggested.origin !== origin && newest.data?.[suggested.origin] && (
              <Group><Button variant="light" size="xs" onClick={() => { setTouched(true); choose(suggested); }} data-testid="replay-suggested">
                {t('replay.useSuggested', { origin: t(`responseReport.origin.${suggested.origin}`), first: suggested.first, last: suggested.last })}
              </Button></Group>
            )}
          </Stack>
        )}
        {result && <ReplayFigures result={result} language={i18n.language} />}
        {mayImport && chosen !== null && <ImportCallsCard key={chosen} jurisdictionId={chosen} />}
      </Stack>
    </Box>
  );
}

/** The bundled sample's days (local), wide enough for San Francisco's week seen from Europe. */
const SAMPLE_WEEK = { first: '2016-12-31', last: '2017-01-08' };

function ReplayFigures({ result, language }: { result: ReplayResult; language: string }) {
  const { t } = useTranslation();
  const percent = new Intl.NumberFormat(language, { maximumFractionDigits: 1 });
  const rate = (g: ResponseGroup | undefined, tier: number) => g?.tiers.find((x) => x.tier === tier)?.complianceRate ?? null;
  const runs = result.runs.map((r, i) => ({ key: `run${i}`, label: r.name === 'recorded fleet' ? t('replay.recordedFleet') : r.name, figures: r }));
  // Relocated calls' recorded times are the source's (another city's roads and fleet): not compared,
  // so no "Recorded" series (it drew a legend with no bars) and no recorded rows; a line says why.
  const recordedShown = !recordedNotCompared(result);
  const columns: { key: string; label: string; figures: Figures }[] = [
    ...(recordedShown ? [{ key: 'recorded', label: t('replay.recorded'), figures: result.recorded }] : []),
    ...runs,
  ];
  const tiers = [...new Set(columns.flatMap((c) => c.figures.overall.tiers.map((x) => x.tier)))].sort((a, b) => a - b);
  const chart = tiers.map((tier) => ({
    tier: t('reports.tier', { tier }),
    ...Object.fromEntries(columns.map((c) => [c.key, ((r) => (r === null ? null : Math.round(r * 1000) / 10))(rate(c.figures.overall, tier))])),
  }));
  const priorities = [...new Set(columns.flatMap((c) => c.figures.groups.map((g) => g.key)))];
  const show = (r: number | null) => (r === null ? '—' : `${percent.format(r * 100)} %`);
  return (
    <Stack gap="md" data-testid="replay-result">
      <Text size="sm" data-testid="replay-calls">{t('replay.calls', { replayed: result.calls.replayed, offGraph: result.calls.offGraph, doubtful: result.calls.doubtful })}</Text>
      {result.calls.relocated > 0 && (
        <Text size="sm" c="orange" data-testid="replay-relocated">{t('replay.relocated', { count: result.calls.relocated, from: result.calls.relocatedFrom.join(', ') })}</Text>
      )}
      {!recordedShown && <Text size="sm" c="dimmed" data-testid="replay-recorded-not-compared">{t('replay.recordedNotCompared')}</Text>}
      {result.runs.map((r, i) => (
        <Text size="sm" c="dimmed" key={i}>{t('replay.runLine', { name: runs[i]!.label, units: r.units, queued: r.queued, unanswered: r.unanswered })}</Text>
      ))}
      <Card withBorder>
        <Title order={3} size="h5" mb="xs">{t('replay.chartTitle')}</Title>
        <BarChart h={280} data={chart} dataKey="tier" withLegend valueFormatter={(v) => `${percent.format(v)} %`} yAxisProps={{ domain: [0, 100] }}
          yAxisLabel={t('responseReport.axisCompliance')} data-testid="replay-chart"
          series={columns.map((c) => ({ name: c.key, label: c.label, color: seriesColor(c.key) }))} />
      </Card>
      <Card withBorder>
        <Title order={3} size="h5" mb="xs">{t('replay.byPriority')}</Title>
        <Table fz="sm" data-testid="replay-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('replay.priority')}</Table.Th><Table.Th>{t('replay.deploymentColumn')}</Table.Th><Table.Th>{t('replay.callsColumn')}</Table.Th>
              {tiers.map((tier) => <Table.Th key={tier}>{t('reports.tier', { tier })}</Table.Th>)}
              <Table.Th>{t('replay.p90Total')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {['all', ...priorities].flatMap((p) => columns.map((c) => {
              const g = p === 'all' ? c.figures.overall : c.figures.groups.find((x) => x.key === p);
              return (
                <Table.Tr key={`${p}-${c.key}`} data-testid={`replay-row-${p}-${c.key}`}>
                  <Table.Td>{p === 'all' ? t('replay.all') : `${p} · ${t(`priority.${p}`)}`}</Table.Td>
                  <Table.Td>{c.label}</Table.Td>
                  <Table.Td>{g?.incidents ?? 0}</Table.Td>
                  {tiers.map((tier) => <Table.Td key={tier}>{show(rate(g, tier))}</Table.Td>)}
                  <Table.Td ff="monospace">{g?.total.p90Seconds == null ? '—' : formatClock(g.total.p90Seconds)}</Table.Td>
                </Table.Tr>
              );
            }))}
          </Table.Tbody>
        </Table>
      </Card>
    </Stack>
  );
}
