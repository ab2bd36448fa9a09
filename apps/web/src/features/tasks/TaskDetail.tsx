import { Anchor, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconArrowsExchange, IconClock, IconSitemap, IconSend, IconUser } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { Link, useParams } from 'react-router';
import { call, fb } from '../../api/http';
import { useMe } from '../../api/queries';
import { EmptyState, ErrorState, Loading } from '../../shell/States';
import { usePostsInScope } from '../posts/queries';
import { OverdueBadge, PercentBar, StatusBadge } from './TaskBadges';
import { ReassignModal } from './ReassignModal';
import { ReportProgressModal } from './ReportProgressModal';
import { SubtaskModal } from './SubtaskModal';
import { TaskHistory, TaskReports } from './TaskHistory';
import { TaskTreeTable } from './TaskTreeTable';
import { sourceLink, withinPaths } from './task-filters';
import { buildTaskTree, treeHolding } from './task-tree';
import { useTask, useTaskTree } from './queries';
import { useJurisdictionNames } from '../../api/jurisdiction-names';

type Acting = 'report' | 'subtask' | 'reassign' | null;

/** One task: who owns it, how far it is, its place in the breakdown, its history, and what I may do with it. */
export function TaskDetail() {
  const { t, i18n } = useTranslation();
  const nameOf = useJurisdictionNames();
  const { id } = useParams() as { id: string };
  const me = useMe().data;
  const task = useTask(id);
  const tree = useTaskTree(task.data);
  const posts = usePostsInScope();
  const [acting, setActing] = useState<Acting>(null);
  const postById = useMemo(() => new Map((posts.data ?? []).map((p) => [p.id, p])), [posts.data]);
  const forest = useMemo(() => buildTaskTree(tree.data ?? []), [tree.data]);
  const dateTime = (s: string) => new Date(s).toLocaleString(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });

  if (task.isPending) return <Loading />;
  if (task.isError) return <ErrorState error={task.error} onRetry={() => void task.refetch()} />;
  const tk = task.data;
  const root = treeHolding(forest, tk.id);
  const hasSubtasks = (tree.data ?? []).some((x) => x.parentTaskId === tk.id);
  const parent = tk.parentTaskId ? (tree.data ?? []).find((x) => x.id === tk.parentTaskId) : undefined;
  const grantPaths = me?.grants.map((g) => g.jurisdictionPath) ?? [];
  // The server decides; these only keep buttons away from people who would be refused.
  const mayReport = (me?.permissions.includes('tasks:report') ?? false) && withinPaths(tk.jurisdictionPath, grantPaths) && !hasSubtasks && tree.isSuccess;
  const mayManage = (me?.permissions.includes('tasks:manage') ?? false) && withinPaths(tk.jurisdictionPath, grantPaths);
  const owner = postById.get(tk.ownerPostId);
  const link = sourceLink(tk);

  return (
    <Stack p="md" gap="md" data-testid="task-detail" data-id={tk.id} data-percent={tk.percent} data-status={tk.status}>
      <div>
        <Group gap="xs" wrap="nowrap" align="flex-start" justify="space-between">
          <Title order={2} size="h3">{tk.title}</Title>
          <Group gap={4} wrap="nowrap"><StatusBadge status={tk.status} />{tk.overdue && <OverdueBadge />}</Group>
        </Group>
        <Text size="sm" c="dimmed" data-testid="task-source" data-source={tk.source}>
          {t(`tasks.source.${tk.source}`)}
          {link ? <> · <SourceTitle task={tk} link={link} /></> : tk.periodStart ? ` · ${t('tasks.periodFrom', { date: dateTime(tk.periodStart) })}` : null}
        </Text>
      </div>

      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Fact label={t('tasks.owner')} icon={<IconUser size={14} aria-hidden />} testId="task-owner">
          <Text size="sm" fw={600}>{owner?.title ?? nameOf(tk.jurisdictionPath)}</Text>
          <Text size="sm" data-testid="task-holder">{owner ? (owner.holder?.displayName ?? t('posts.vacant')) : ''}</Text>
          {owner && <Anchor component={Link} to={`/posts/${owner.id}`} size="xs">{t('tasks.openPost')}</Anchor>}
        </Fact>
        <Fact label={t('tasks.due')} icon={<IconClock size={14} aria-hidden />} testId="task-due">
          <Text size="sm" fw={tk.overdue ? 700 : undefined}>{dateTime(tk.dueAt)}</Text>
          {tk.overdue && <Text size="xs">{t('tasks.overdueSince', { date: dateTime(tk.overdueAt ?? tk.dueAt) })}</Text>}
        </Fact>
        <Fact label={t('tasks.progress')} testId="task-progress">
          <PercentBar percent={tk.percent} size="lg" />
          <Text size="xs" c="dimmed">{hasSubtasks ? t('tasks.rolledUpHint') : t('tasks.reportedHint')}</Text>
        </Fact>
      </SimpleGrid>

      <Group gap="xs">
        {mayReport && <Button leftSection={<IconSend size={16} aria-hidden />} onClick={() => setActing('report')} data-testid="task-report-open">{t('tasks.reportProgress')}</Button>}
        {mayManage && <Button variant="light" leftSection={<IconSitemap size={16} aria-hidden />} onClick={() => setActing('subtask')} data-testid="task-subtask-open">{t('tasks.addSubtask')}</Button>}
        {mayManage && <Button variant="light" leftSection={<IconArrowsExchange size={16} aria-hidden />} onClick={() => setActing('reassign')} data-testid="task-reassign-open">{t('tasks.reassign')}</Button>}
        {hasSubtasks && (me?.permissions.includes('tasks:report') ?? false) && <Text size="xs" c="dimmed">{t('tasks.reportOnSubtasks')}</Text>}
      </Group>

      <Card withBorder p={0}>
        <Title order={3} size="h5" p="sm">{t('tasks.breakdown')}</Title>
        {tree.isPending ? <Loading /> : tree.isError ? <ErrorState error={tree.error} onRetry={() => void tree.refetch()} /> : root ? (
          <div style={{ overflowX: 'auto' }}><TaskTreeTable root={root} currentId={tk.id} postById={postById} /></div>
        ) : <EmptyState title={t('tasks.noTree')} />}
      </Card>

      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <TaskReports taskId={tk.id} reports={tk.reports} />
        <TaskHistory taskId={tk.id} postById={postById} />
      </SimpleGrid>

      {acting === 'report' && <ReportProgressModal taskId={tk.id} title={tk.title} percent={tk.percent} onClose={() => setActing(null)} />}
      {acting === 'subtask' && <SubtaskModal parent={tk} posts={posts.data ?? []} onClose={() => setActing(null)} />}
      {acting === 'reassign' && <ReassignModal task={tk} parentPath={parent?.jurisdictionPath ?? null} posts={posts.data ?? []} onClose={() => setActing(null)} />}
    </Stack>
  );
}

function Fact({ label, icon, testId, children }: { label: string; icon?: ReactNode; testId: string; children: ReactNode }) {
  return (
    <Card withBorder p="sm" data-testid={testId}>
      <Group gap={4} mb={4}>{icon}<Text size="xs" c="dimmed" tt="uppercase" fw={700}>{label}</Text></Group>
      {children}
    </Card>
  );
}

/** The directive's or campaign's title, linked; it shares the cache key the directive and campaign screens use. */
function SourceTitle({ task, link }: { task: { source: string; directiveId: string | null; campaignId: string | null }; link: string }) {
  const { t } = useTranslation();
  const isDirective = task.source === 'directive';
  const sourceId = (isDirective ? task.directiveId : task.campaignId)!;
  const source = useQuery({
    queryKey: [isDirective ? 'directives' : 'campaigns', sourceId],
    queryFn: (): Promise<{ title: string }> => isDirective
      ? call(fb.GET('/api/v1/directives/{id}', { params: { path: { id: sourceId } } }))
      : call(fb.GET('/api/v1/campaigns/{id}', { params: { path: { id: sourceId } } })),
    retry: false,
  });
  return <Anchor component={Link} to={link} size="sm" data-testid="task-source-link">{source.data?.title ?? t('tasks.openSource')}</Anchor>;
}
