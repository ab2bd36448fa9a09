import { Anchor, Card, Group, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { Link } from 'react-router';
import { call, fb } from '../../api/http';
import { ErrorState, Loading } from '../../shell/States';
import { useJurisdictionNames } from '../../api/jurisdiction-names';
import { usePostsInScope } from '../posts/queries';
import { OverdueBadge, PercentBar, StatusBadge } from './TaskBadges';
import { taskKeys } from './queries';
import { buildTaskTree } from './task-tree';

/** A directive's tasks (top level, with their rolled-up progress), as far as I may see them: how the work it ordered is going. */
export function DirectiveTasks({ directiveId, action }: { directiveId: string; action?: ReactNode }) {
  const { t, i18n } = useTranslation();
  const list = useQuery({ queryKey: taskKeys.tree(`directiveId=${directiveId}`), queryFn: () => call(fb.GET('/api/v1/tasks', { params: { query: { directiveId } } })) });
  const posts = usePostsInScope();
  const nameOf = useJurisdictionNames();
  const postById = useMemo(() => new Map((posts.data ?? []).map((p) => [p.id, p])), [posts.data]);
  // The tops of what I see: a task whose parent I cannot see is a top here.
  const tops = useMemo(() => buildTaskTree(list.data ?? []), [list.data]);

  return (
    <Card withBorder p={0} data-testid="directive-tasks" data-count={list.data?.length ?? 0}>
      <Group justify="space-between" p="sm">
        <Title order={3} size="h5">{t('taskWork.directiveTasks', { count: list.data?.length ?? 0 })}</Title>
        {action}
      </Group>
      {list.isPending ? <Loading /> : list.isError ? <ErrorState error={list.error} onRetry={() => void list.refetch()} /> : tops.length === 0 ? (
        <Text size="sm" c="dimmed" px="sm" pb="sm">{t('taskWork.noTasks')}</Text>
      ) : (
        <Table fz="sm">
          <Table.Tbody>
            {tops.map(({ task, children }) => {
              const post = postById.get(task.ownerPostId);
              return (
                <Table.Tr key={task.id} data-testid="directive-task" data-id={task.id} data-percent={task.percent}>
                  <Table.Td>
                    <Anchor component={Link} to={`/tasks/${task.id}`} size="sm" fw={600}>{task.title}</Anchor>
                    <Text size="xs" c="dimmed">{post ? `${post.title} · ${post.holder?.displayName ?? t('posts.vacant')}` : nameOf(task.jurisdictionPath)}
                      {children.length > 0 ? ` · ${t('taskWork.subtasks', { count: children.length })}` : ''}</Text>
                  </Table.Td>
                  <Table.Td w={160}><PercentBar percent={task.percent} size="sm" /></Table.Td>
                  <Table.Td w={170}><Group gap={4} wrap="nowrap" style={{ flexShrink: 0 }}><StatusBadge status={task.status} />{task.overdue && <OverdueBadge />}</Group></Table.Td>
                  <Table.Td w={150}><Text size="xs">{new Date(task.dueAt).toLocaleString(i18n.language, { dateStyle: 'medium', timeStyle: 'short' })}</Text></Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}
