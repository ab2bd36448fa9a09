import type { Incident } from '@firebreak/contracts';
import { Group, ScrollArea, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconAlertOctagon } from '@tabler/icons-react';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useOpenIncidents } from '../../api/queries';
import { Kbd } from '../../shell/Kbd';
import { EmptyState, ErrorState, Loading } from '../../shell/States';
import { formatClock, secondsSince, useNow } from '../../util/time';
import { PriorityBadge } from './PriorityBadge';
import { TierClocks } from './TierClocks';
import { anyMissed } from './tiers';

type Filter = 'all' | 'urgent' | 'missed';

/** Rows drawn at once: the most urgent first; a wall of 2,000 running clocks helps no one and costs frames. */
const SHOWN = 100;

/** Open incidents, most urgent first, each with its running 1-3-5 clocks. */
export function IncidentBoard() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const incidents = useOpenIncidents();
  const now = useNow(1000);
  const [filter, setFilter] = useState<Filter>('all');
  const rows = useRef<(HTMLTableRowElement | null)[]>([]);

  const list = useMemo(() => {
    const all = [...(incidents.data ?? [])].sort((a, b) => a.priority.localeCompare(b.priority) || a.receivedAt.localeCompare(b.receivedAt));
    if (filter === 'urgent') return all.filter((i) => i.priority === 'P1' || i.priority === 'P2');
    if (filter === 'missed') return all.filter((i) => anyMissed(i.tiers, Date.now()));
    return all;
  }, [incidents.data, filter]);

  const move = (step: number) => {
    const i = rows.current.findIndex((r) => r === document.activeElement);
    rows.current[Math.max(0, Math.min(list.length - 1, i + step))]?.focus();
  };
  useHotkeys([['j', () => move(1)], ['k', () => move(-1)]]);

  const missedCount = (incidents.data ?? []).filter((i) => anyMissed(i.tiers, now)).length;

  return (
    <Stack gap={0} style={{ height: '100%', minHeight: 0 }}>
      <Group justify="space-between" p="sm" wrap="nowrap">
        <Title order={2} size="h4">{t('board.title', { count: incidents.data?.length ?? 0 })}</Title>
        <SegmentedControl
          size="xs"
          value={filter}
          onChange={(v) => setFilter(v as Filter)}
          aria-label={t('board.filter')}
          data={[
            { value: 'all', label: t('board.all') },
            { value: 'urgent', label: t('board.urgent') },
            { value: 'missed', label: `${t('board.missed')} (${missedCount})` },
          ]}
        />
      </Group>
      <Text size="xs" c="dimmed" px="sm" pb={4}>
        {t('board.keys')} <Kbd name="nextIncident" /> <Kbd name="prevIncident" /> · <Kbd name="newIncident" /> {t('shortcuts.newIncident')}
      </Text>
      {incidents.isPending ? (
        <Loading />
      ) : incidents.isError ? (
        <ErrorState error={incidents.error} onRetry={() => void incidents.refetch()} />
      ) : list.length === 0 ? (
        <EmptyState title={t('board.empty')}>{t('board.emptyHint')}</EmptyState>
      ) : (
        <ScrollArea style={{ flex: 1 }}>
          <Table highlightOnHover verticalSpacing="xs" data-testid="incident-board">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('board.priority')}</Table.Th>
                <Table.Th>{t('board.incident')}</Table.Th>
                <Table.Th>{t('board.age')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.slice(0, SHOWN).map((i, n) => (
                <BoardRow key={i.id} incident={i} now={now} rowRef={(el) => { rows.current[n] = el; }} onOpen={() => void navigate(`/incidents/${i.id}`)} onMove={move} />
              ))}
            </Table.Tbody>
          </Table>
          {list.length > SHOWN && <Text size="sm" c="dimmed" p="sm" ta="center">{t('board.more', { count: list.length - SHOWN })}</Text>}
        </ScrollArea>
      )}
    </Stack>
  );
}

function BoardRow({ incident: i, now, rowRef, onOpen, onMove }: { incident: Incident; now: number; rowRef: (el: HTMLTableRowElement | null) => void; onOpen: () => void; onMove: (step: number) => void }) {
  const { t } = useTranslation();
  const missed = anyMissed(i.tiers, now);
  return (
      <Table.Tr
        ref={rowRef}
        tabIndex={0}
        onClick={onOpen}
        onKeyDown={(e) => {
          if (e.key === 'Enter') onOpen();
          else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault();
            onMove(e.key === 'ArrowDown' ? 1 : -1);
          }
        }}
        style={{ cursor: 'pointer', borderLeft: missed ? '4px solid var(--mantine-color-red-6)' : '4px solid transparent' }}
        aria-label={`${i.priority} ${t(`incidentType.${i.type}`)} ${i.address ?? ''}${missed ? ` — ${t('board.missedTier')}` : ''}`}
        data-testid="incident-row"
        data-incident-id={i.id}
      >
        <Table.Td valign="top"><PriorityBadge priority={i.priority} size="lg" /></Table.Td>
        <Table.Td>
          <Stack gap={4}>
            <Group gap={6} wrap="nowrap">
              {missed && <IconAlertOctagon size={16} color="var(--mantine-color-red-5)" aria-hidden />}
              <Text fw={700} size="sm">{t(`incidentType.${i.type}`)}</Text>
              {missed && <Text size="xs" fw={700} c="red.4">{t('board.missedTier')}</Text>}
            </Group>
            <Text size="xs" c="dimmed" lineClamp={1}>{i.address ?? i.jurisdictionPath}</Text>
            <TierClocks tiers={i.tiers} now={now} size="sm" compact />
          </Stack>
        </Table.Td>
        <Table.Td valign="top">
          <Text size="sm" ff="monospace" style={{ fontVariantNumeric: 'tabular-nums' }}>{formatClock(secondsSince(i.receivedAt, now))}</Text>
        </Table.Td>
      </Table.Tr>
  );
}
