import type { Post } from '@firebreak/contracts';
import { Anchor, Card, Group, Stack, Text, Timeline, Title } from '@mantine/core';
import { IconArrowsExchange, IconClockExclamation, IconFileDownload, IconHierarchy2, IconPlus, IconProgress, IconSpeakerphone, IconSum } from '@tabler/icons-react';
import { useTranslation } from '../../i18n/use-translation';
import { EmptyState, ErrorState, Loading } from '../../shell/States';
import { historyLine } from './history';
import { useTaskHistory } from './queries';
import { formatPercent } from './task-tree';
import type { TaskReport } from './types';
import { actionLabel, actorLabel } from '../../i18n/action-label';

const ICONS: Record<string, typeof IconPlus> = {
  created: IconPlus, progress_reported: IconProgress, rolled_up: IconSum, reassigned: IconArrowsExchange,
  redecomposed: IconHierarchy2, overdue: IconClockExclamation, escalated: IconSpeakerphone,
};
const KNOWN = new Set(Object.keys(ICONS));

/** The progress reports with their evidence files (downloadable), newest first. */
export function TaskReports({ taskId, reports }: { taskId: string; reports: readonly TaskReport[] }) {
  const { t, i18n } = useTranslation();
  return (
    <Card withBorder data-testid="task-reports">
      <Title order={3} size="h5" mb="xs">{t('tasks.reports', { count: reports.length })}</Title>
      {reports.length === 0 ? <Text size="sm" c="dimmed">{t('tasks.noReports')}</Text> : (
        <Stack gap="sm">
          {[...reports].reverse().map((r) => (
            <div key={r.id} data-testid="task-report-entry" data-percent={r.percent}>
              <Text size="sm" fw={600}>{t('tasks.reportLine', { percent: r.percent, date: new Date(r.reportedAt).toLocaleString(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }) })}</Text>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{r.note}</Text>
              {r.evidence.length > 0 && (
                <Group gap="sm" mt={4}>
                  {r.evidence.map((e) => (
                    // The session cookie goes with a plain link, so the browser downloads the bytes itself.
                    <Anchor key={e.id} href={`/api/v1/tasks/${taskId}/evidence/${e.id}/content`} download={e.filename} size="sm" data-testid="task-evidence-link"
                      aria-label={t('tasks.downloadEvidence', { name: e.filename })}>
                      <Group gap={4} wrap="nowrap" component="span"><IconFileDownload size={16} aria-hidden />{e.filename} ({Math.ceil(e.sizeBytes / 1024)} KiB)</Group>
                    </Anchor>
                  ))}
                </Group>
              )}
            </div>
          ))}
        </Stack>
      )}
    </Card>
  );
}

/** Every audited step of the task (created, reports, roll-ups, reassignments, re-decompositions, overdue), newest first. */
export function TaskHistory({ taskId, postById }: { taskId: string; postById: ReadonlyMap<string, Post> }) {
  const { t, i18n } = useTranslation();
  const history = useTaskHistory(taskId);
  const postName = (id: string) => postById.get(id)?.title ?? t('tasks.unknownPost');
  return (
    <Card withBorder data-testid="task-history">
      <Title order={3} size="h5" mb="xs">{t('tasks.history')}</Title>
      {history.isPending ? <Loading /> : history.isError ? <ErrorState error={history.error} onRetry={() => void history.refetch()} /> : history.data.length === 0 ? <EmptyState title={t('tasks.noHistory')} /> : (
        <Timeline bulletSize={22} lineWidth={2}>
          {[...history.data].reverse().map((e) => {
            const line = historyLine(e);
            const Icon = ICONS[line.kind] ?? IconPlus;
            return (
              <Timeline.Item key={e.auditId} bullet={<Icon size={12} aria-hidden />} data-testid="task-history-entry" data-action={e.action}
                title={<Text size="sm" fw={600}>{KNOWN.has(line.kind) ? t(`tasks.action.${line.kind}`) : actionLabel(t, e.action)}</Text>}>
                <Text size="xs" c="dimmed">{new Date(e.at).toLocaleString(i18n.language, { dateStyle: 'medium', timeStyle: 'short' })}{e.actorName ? ` · ${actorLabel(t, e.actorName)}` : ''}</Text>
                {line.percent && <Text size="sm">{line.percent.from === null ? `${formatPercent(line.percent.to)}%` : `${formatPercent(line.percent.from)}% → ${formatPercent(line.percent.to)}%`}</Text>}
                {line.owner && <Text size="sm">{postName(line.owner.from)} → {postName(line.owner.to)}</Text>}
                {line.changed && line.changed.length > 0 && <Text size="sm">{line.changed.map((c) => t(`tasks.changed.${c}`)).join(', ')}</Text>}
                {line.note && <Text size="sm" c="dimmed" lineClamp={2}>{line.note}</Text>}
                {line.reason && <Text size="sm" c="dimmed">{t('tasks.reasonLine', { reason: line.reason })}</Text>}
              </Timeline.Item>
            );
          })}
        </Timeline>
      )}
    </Card>
  );
}
