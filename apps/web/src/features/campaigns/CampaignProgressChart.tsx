import '@mantine/charts/styles.css';
import { AreaChart, BarChart } from '@mantine/charts';
import { Card, Stack, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { EmptyState, ErrorState, Loading } from '../../shell/States';
import { dayLabel, progressRows, progressSummary } from './progress';
import { useCampaignProgress } from './queries';
import { zoneName } from '../../util/time';

/**
 * A campaign's progress per day: places inspected and missed so far against the places in scope,
 * and hazards found and rectified each day. Loaded with `lazy()` by the campaign detail and the
 * reports, so the chart library never weighs on the first load.
 */
export default function CampaignProgressChart({ campaignId, jurisdictionId = null }: { campaignId: string; jurisdictionId?: string | null }) {
  const { t, i18n } = useTranslation();
  const progress = useCampaignProgress(campaignId, jurisdictionId);
  const rows = useMemo(() => (progress.data ? progressRows(progress.data, i18n.language) : []), [progress.data, i18n.language]);
  const summary = progress.data ? progressSummary(progress.data) : null;

  return (
    <Card withBorder data-testid="campaign-progress" data-days={rows.length} data-inspected={summary?.inspected ?? 0}>
      <Title order={3} size="h5" mb="xs">{t('campaignProgress.title')}</Title>
      {progress.isPending ? <Loading /> : progress.isError ? <ErrorState error={progress.error} onRetry={() => void progress.refetch()} /> : !summary ? (
        <EmptyState title={t('campaignProgress.notStarted')} />
      ) : (
        <Stack gap="sm">
          {/* The numbers in words: the chart's colours are never the only way to read it. */}
          <Text size="sm" data-testid="campaign-progress-summary">
            {t('campaignProgress.summary', { ...summary, date: dayLabel(summary.date, i18n.language) })}
          </Text>
          <AreaChart h={220} data={rows} dataKey="label" curveType="linear" withLegend withDots={rows.length <= 31}
            aria-label={t('campaignProgress.cumulative')}
            referenceLines={[{ y: summary.total, label: t('campaignProgress.inScope', { total: summary.total }), color: 'gray.6' }]}
            yAxisProps={{ domain: [0, Math.max(summary.total, 1)], allowDecimals: false }}
            series={[
              { name: 'inspectedToDate', label: t('campaignProgress.inspectedToDate'), color: 'teal.6' },
              { name: 'missedToDate', label: t('campaignProgress.missedToDate'), color: 'red.6' },
            ]} />
          <Text size="sm" fw={600}>{t('campaignProgress.hazardsPerDay')}</Text>
          {/* Counts of hazards: whole ticks only (one hazard drew 0.25, 0.5, 0.75 on the axis). */}
          <BarChart h={180} data={rows} dataKey="label" withLegend aria-label={t('campaignProgress.hazardsPerDay')} yAxisProps={{ allowDecimals: false }}
            series={[
              { name: 'hazardsFound', label: t('campaignProgress.hazardsFound'), color: 'orange.6' },
              { name: 'hazardsRectified', label: t('campaignProgress.hazardsRectified'), color: 'blue.6' },
            ]} />
          <Text size="xs" c="dimmed">{t('campaignProgress.hint', { timeZone: zoneName(progress.data.timeZone, i18n.language) })}</Text>
        </Stack>
      )}
    </Card>
  );
}
