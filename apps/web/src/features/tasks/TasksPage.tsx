import type { TaskSource, TaskStatus } from '@firebreak/contracts';
import { Button, Checkbox, Group, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { useParams } from 'react-router';
import { useMe } from '../../api/queries';
import { useJurisdictionNames } from '../../api/jurisdiction-names';
import { ListDetailLayout, ListDetailRow } from '../../shell/ListDetailLayout';
import { EmptyState } from '../../shell/States';
import { usePostsInScope } from '../posts/queries';
import { OverdueBadge, PercentBar, StatusBadge } from './TaskBadges';
import { filterTasks, type TaskScope } from './task-filters';
import { useTasksInScope } from './queries';
import { NewTaskModal } from './NewTaskModal';

const STATUSES: TaskStatus[] = ['open', 'in_progress', 'done'];
const SOURCES: TaskSource[] = ['directive', 'campaign', 'standing_duty'];

/** Tasks of my posts or of my whole subtree, any source: the list on the left, the chosen task on the right. */
export default function TasksPage() {
  const { t, i18n } = useTranslation();
  const nameOf = useJurisdictionNames();
  const { id } = useParams();
  const me = useMe().data;
  const list = useTasksInScope();
  const posts = usePostsInScope();
  const [scope, setScope] = useState<TaskScope | null>(null);
  const [status, setStatus] = useState<TaskStatus | null>(null);
  const [overdueOnly, setOverdueOnly] = useState(false);
  const [source, setSource] = useState<TaskSource | null>(null);
  const [creating, setCreating] = useState(false);
  const mayCreate = me?.permissions.includes('tasks:manage') ?? false;
  const postById = useMemo(() => new Map((posts.data ?? []).map((p) => [p.id, p])), [posts.data]);
  const myPosts = useMemo(() => new Set((posts.data ?? []).filter((p) => p.holder?.userId === me?.id).map((p) => p.id)), [posts.data, me?.id]);
  // Someone who holds a post starts with their own tasks; a superior without one, with the subtree's.
  const shownScope = scope ?? (myPosts.size > 0 ? 'mine' : 'subtree');
  const shown = filterTasks(list.data ?? [], { scope: shownScope, status, overdueOnly, source }, myPosts);
  const date = (s: string) => new Date(s).toLocaleString(i18n.language, { dateStyle: 'short', timeStyle: 'short' });

  return (
    <ListDetailLayout testId="tasks" listTestId="task-list" listLabel={t('tasks.list')} title={t('tasks.title')}
      list={list} emptyTitle={t('tasks.empty')} emptyHint={t(mayCreate ? 'taskWork.emptyHintManage' : 'tasks.emptyHint')} pickTitle={t('tasks.pick')} chosen={Boolean(id)}
      action={mayCreate && <Button size="compact-sm" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => setCreating(true)} data-testid="task-new-open">{t('taskWork.new')}</Button>}
      overlay={creating && <NewTaskModal posts={posts.data ?? []} onClose={() => setCreating(false)} />}>
      <Stack gap="xs" px="md" pb="sm" style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}>
        <SegmentedControl size="xs" value={shownScope} onChange={(v) => setScope(v as TaskScope)} data-testid="task-scope" aria-label={t('tasks.scopeLabel')}
          data={[{ value: 'mine', label: t('tasks.scope.mine') }, { value: 'subtree', label: t('tasks.scope.subtree') }]} />
        <Group gap="sm" wrap="nowrap">
          <Select size="xs" aria-label={t('tasks.statusFilter')} placeholder={t('tasks.anyStatus')} clearable value={status} onChange={(v) => setStatus(v as TaskStatus | null)}
            data={STATUSES.map((s) => ({ value: s, label: t(`tasks.status.${s}`) }))} data-testid="task-status-filter" style={{ flex: 1 }} />
          <Select size="xs" aria-label={t('tasks.sourceFilter')} placeholder={t('tasks.anySource')} clearable value={source} onChange={(v) => setSource(v as TaskSource | null)}
            data={SOURCES.map((s) => ({ value: s, label: t(`tasks.source.${s}`) }))} data-testid="task-source-filter" style={{ flex: 1 }} />
        </Group>
        <Group gap="sm" wrap="nowrap">
          <Checkbox size="xs" label={t('tasks.overdueOnly')} checked={overdueOnly} onChange={(e) => setOverdueOnly(e.currentTarget.checked)} data-testid="task-overdue-filter" />
        </Group>
        <Text size="xs" c="dimmed" aria-live="polite">{t('tasks.shown', { count: shown.length, total: list.data?.length ?? 0 })}</Text>
      </Stack>
      {shown.length === 0 ? <EmptyState title={t('tasks.noMatch')}>{shownScope === 'mine' ? t('tasks.noMatchMine') : t('tasks.noMatchHint')}</EmptyState> : shown.map((task) => {
        const post = postById.get(task.ownerPostId);
        return (
          <ListDetailRow key={task.id} to={`/tasks/${task.id}`} testId="task-row" id={task.id}>
            <Group justify="space-between" wrap="nowrap" gap="xs" data-status={task.status} data-overdue={task.overdue}>
              <Text fw={600} size="sm" lineClamp={2}>{task.title}</Text>
              <StatusBadge status={task.status} />
            </Group>
            <Text size="xs" c="dimmed" lineClamp={1}>
              {post ? `${post.title} · ${post.holder?.displayName ?? t('posts.vacant')}` : nameOf(task.jurisdictionPath)} · {t(`tasks.source.${task.source}`)}
            </Text>
            <Group gap="xs" mt={2} wrap="nowrap">
              <Text size="xs">{t('tasks.dueOn', { date: date(task.dueAt) })}</Text>
              {task.overdue && <OverdueBadge />}
            </Group>
            <PercentBar percent={task.percent} size="sm" />
          </ListDetailRow>
        );
      })}
    </ListDetailLayout>
  );
}
