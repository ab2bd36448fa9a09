import type { Hazard } from '@firebreak/contracts';
import { Anchor, Badge, Group, ScrollArea, Select, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconEye } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/http';
import { useJurisdictions, type JurisdictionNode } from '../../api/queries';
import { EmptyState, ErrorState, Loading } from '../../shell/States';
import { useJurisdictionNames } from '../../api/jurisdiction-names';

interface Board { jurisdictionPath: string; overdue: number; supervised: number; items: Hazard[] }

/** A jurisdiction's overdue board: open hazards of its subtree past their deadline, and those it supervises. */
export default function HazardBoardPage() {
  const { t, i18n } = useTranslation();
  const tree = useJurisdictions();
  const nameOf = useJurisdictionNames();
  const options = useMemo(() => flatten(tree.data ?? []), [tree.data]);
  const [picked, setPicked] = useState<string | null>(null);
  const jurisdictionId = picked ?? options[0]?.value ?? null;
  const board = useQuery({
    queryKey: ['hazards', 'board', jurisdictionId],
    enabled: jurisdictionId !== null,
    queryFn: () => api<Board>(`/hazards/board?jurisdictionId=${jurisdictionId}&limit=200`),
  });
  const now = Date.now();

  return (
    <Stack p="md" gap="sm" style={{ height: '100%', minHeight: 0 }} data-testid="hazard-board">
      <Group justify="space-between">
        <Title order={2} size="h3">{t('hazards.title')}</Title>
        <Select label={t('reports.jurisdiction')} data={options} value={jurisdictionId} onChange={setPicked} searchable miw={280} allowDeselect={false} />
      </Group>
      {board.data && (
        <Group gap="xs">
          <Badge color="red" size="lg" leftSection={<IconAlertTriangle size={14} aria-hidden />}>{t('hazards.overdueCount', { count: board.data.overdue })}</Badge>
          <Badge color="grape" size="lg" variant="light" leftSection={<IconEye size={14} aria-hidden />}>{t('hazards.supervisedCount', { count: board.data.supervised })}</Badge>
        </Group>
      )}
      {tree.isError ? <ErrorState error={tree.error} /> : board.isPending ? <Loading /> : board.isError ? <ErrorState error={board.error} onRetry={() => void board.refetch()} /> : board.data.items.length === 0 ? (
        <EmptyState title={t('hazards.empty')}>{t('hazards.emptyHint')}</EmptyState>
      ) : (
        <ScrollArea style={{ flex: 1 }}>
          <Table striped stickyHeader>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('hazards.hazard')}</Table.Th>
                <Table.Th>{t('hazards.place')}</Table.Th>
                <Table.Th>{t('hazards.grade')}</Table.Th>
                <Table.Th>{t('hazards.state')}</Table.Th>
                <Table.Th>{t('hazards.due')}</Table.Th>
                <Table.Th>{t('hazards.escalation')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {board.data.items.map((h) => {
                const lateDays = Math.floor((now - Date.parse(h.dueAt)) / 86_400_000);
                return (
                  <Table.Tr key={h.id}>
                    <Table.Td><Text fw={600} size="sm">{h.title}</Text></Table.Td>
                    <Table.Td>{h.placeId ? <Anchor component={Link} to={`/places/${h.placeId}`} size="sm" data-testid="hazard-place-link">{h.placeName ?? '—'}</Anchor> : <Text size="sm">{h.placeName ?? '—'}</Text>}<Text size="xs" c="dimmed">{nameOf(h.jurisdictionPath)}</Text></Table.Td>
                    <Table.Td><Badge color={h.grade === 'major' ? 'red' : 'yellow'} variant={h.grade === 'major' ? 'filled' : 'light'}>{t(`hazards.grades.${h.grade}`)}</Badge></Table.Td>
                    <Table.Td>{t(`hazards.states.${h.state}`)}</Table.Td>
                    <Table.Td>
                      <Text size="sm">{new Date(h.dueAt).toLocaleDateString(i18n.language)}</Text>
                      {h.overdue && <Text size="xs" fw={700} c="red.4">{t('hazards.lateBy', { days: Math.max(lateDays, 0) })}</Text>}
                    </Table.Td>
                    <Table.Td>
                      <Text size="xs">{h.escalatedTo ? t('hazards.escalatedTo', { path: nameOf(h.escalatedTo) }) : '—'}</Text>
                      {h.supervisedBy && <Text size="xs" c="grape.3">{t('hazards.supervisedBy', { path: nameOf(h.supervisedBy) })}</Text>}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </ScrollArea>
      )}
    </Stack>
  );
}

function flatten(nodes: readonly JurisdictionNode[], depth = 0): { value: string; label: string }[] {
  return nodes.flatMap((n) => [{ value: n.id, label: `${'· '.repeat(depth)}${n.name}` }, ...flatten(n.children, depth + 1)]);
}
