import { Anchor, Group, Table, Text } from '@mantine/core';
import { IconCornerDownRight } from '@tabler/icons-react';
import { useTranslation } from '../../i18n/use-translation';
import { Link } from 'react-router';
import type { Post } from '@firebreak/contracts';
import { OverdueBadge, PercentBar, StatusBadge } from './TaskBadges';
import { flattenTree, formatPercent, type TaskNode } from './task-tree';
import { useJurisdictionNames } from '../../api/jurisdiction-names';

/**
 * A task tree as an indented table: each task's own percent (reported, or rolled up from its
 * subtasks) and what it contributes to its parent (its weight's share × its percent), so a
 * reader sees where a parent's number comes from.
 */
export function TaskTreeTable({ root, currentId, postById }: { root: TaskNode; currentId: string; postById: ReadonlyMap<string, Post> }) {
  const { t, i18n } = useTranslation();
  const nameOf = useJurisdictionNames();
  const rows = flattenTree([root]);
  return (
    <Table fz="sm" data-testid="task-tree" highlightOnHover miw={900}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('tasks.tree.task')}</Table.Th>
          <Table.Th>{t('tasks.tree.owner')}</Table.Th>
          <Table.Th w={180}>{t('tasks.tree.percent')}</Table.Th>
          <Table.Th ta="right">{t('tasks.tree.share')}</Table.Th>
          <Table.Th>{t('tasks.tree.due')}</Table.Th>
          <Table.Th w={170}>{t('tasks.tree.status')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((n) => {
          const current = n.task.id === currentId;
          const post = postById.get(n.task.ownerPostId);
          return (
            <Table.Tr key={n.task.id} data-testid="task-tree-row" data-id={n.task.id} data-depth={n.depth} data-percent={n.task.percent} data-current={current}
              aria-current={current ? 'true' : undefined} style={current ? { background: 'var(--mantine-color-default-hover)' } : undefined}>
              <Table.Td>
                <Group gap={4} wrap="nowrap" align="flex-start" style={{ paddingLeft: `${n.depth * 1.25}rem` }}>
                  {n.depth > 0 && <IconCornerDownRight size={14} aria-hidden opacity={0.6} style={{ flexShrink: 0, marginTop: 4 }} />}
                  <div>
                    {current ? <Text size="sm" fw={700}>{n.task.title}</Text> : <Anchor component={Link} to={`/tasks/${n.task.id}`} size="sm">{n.task.title}</Anchor>}
                    {n.children.length > 0 && <Text size="xs" c="dimmed">{t('tasks.tree.rolledUp', { count: n.children.length })}</Text>}
                  </div>
                </Group>
              </Table.Td>
              <Table.Td>{post ? <Text size="sm">{post.title}<Text span size="xs" c="dimmed"> · {post.holder?.displayName ?? t('posts.vacant')}</Text></Text> : <Text size="xs" c="dimmed">{nameOf(n.task.jurisdictionPath)}</Text>}</Table.Td>
              <Table.Td><PercentBar percent={n.task.percent} size="sm" /></Table.Td>
              <Table.Td ta="right">
                {n.depth === 0 ? '—' : (
                  <Text size="xs" ff="monospace" title={t('tasks.tree.shareHint')}>{t('tasks.tree.shareValue', { share: formatPercent(n.share * 100), adds: formatPercent(n.contribution) })}</Text>
                )}
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}><Text size="xs">{new Date(n.task.dueAt).toLocaleString(i18n.language, { dateStyle: 'short', timeStyle: 'short' })}</Text></Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}><Group gap={4} wrap="nowrap"><StatusBadge status={n.task.status} />{n.task.overdue && <OverdueBadge />}</Group></Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
