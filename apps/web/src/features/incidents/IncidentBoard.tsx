import type { Incident } from '@firebreak/contracts';
import { Group, Stack, Text, Title } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconAlertOctagon } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { memo, useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { useNavigate } from 'react-router';
import { useOpenIncidents } from '../../api/queries';
import { Kbd } from '../../shell/Kbd';
import { Segments } from '../../shell/Segments';
import { EmptyState, ErrorState, Loading } from '../../shell/States';
import { formatClock, secondsSince, useNow } from '../../util/time';
import { PriorityChip, TierChips } from './BoardChips';
import { anyMissed, clockStopped } from './tiers';
import { visibleRows } from './visible-rows';
import { useJurisdictionNames, type NameOf } from '../../api/jurisdiction-names';

type Filter = 'all' | 'urgent' | 'missed';

/** Rows drawn beyond the visible ones, above and below, so a scroll or j/k step rarely shows a gap. */
const OVERSCAN = 4;
/** Every row has the same height (styles.css `.fb-board-row`); measured once drawn, this is the first guess. */
const ROW_REM = 5.25;

/**
 * Open incidents, most urgent first, each with its running 1-3-5 clocks. Only the rows in view
 * are drawn (all rows the same height, spacers for the rest): the board redraws each second for
 * its clocks, and with 2,000 open incidents drawing them all would cost the map its frames.
 */
export function IncidentBoard() {
  const { t } = useTranslation();
  const nameOf = useJurisdictionNames();
  const navigate = useNavigate();
  const incidents = useOpenIncidents();
  const now = useNow(1000);
  const [filter, setFilter] = useState<Filter>('all');

  const list = useMemo(() => {
    const all = [...(incidents.data ?? [])].sort((a, b) => a.priority.localeCompare(b.priority) || a.receivedAt.localeCompare(b.receivedAt));
    if (filter === 'urgent') return all.filter((i) => i.priority === 'P1' || i.priority === 'P2');
    if (filter === 'missed') return all.filter((i) => anyMissed(i.tiers, Date.now(), clockStopped(i)));
    return all;
  }, [incidents.data, filter]);

  const missedCount = useMemo(() => (incidents.data ?? []).filter((i) => anyMissed(i.tiers, now, clockStopped(i))).length, [incidents.data, now]);

  const [scroller, setScroller] = useState<HTMLDivElement | null>(null);
  const [view, setView] = useState({ top: 0, height: 0 });
  const [rowHeight, setRowHeight] = useState(() => ROW_REM * parseFloat(getComputedStyle(document.documentElement).fontSize));
  const pendingFocus = useRef<number | null>(null);
  const rowAt = (index: number) => scroller?.querySelector<HTMLTableRowElement>(`[data-index="${index}"]`) ?? null;

  useLayoutEffect(() => {
    if (!scroller) return;
    const update = () => setView({ top: scroller.scrollTop, height: scroller.clientHeight });
    update();
    scroller.addEventListener('scroll', update, { passive: true });
    const resized = new ResizeObserver(update);
    resized.observe(scroller);
    return () => {
      scroller.removeEventListener('scroll', update);
      resized.disconnect();
    };
  }, [scroller]);

  const { first, last } = visibleRows({ count: list.length, rowHeight, top: view.top, height: view.height || window.innerHeight, overscan: OVERSCAN });

  useLayoutEffect(() => {
    // The real row height (it follows the root font size of a wall display).
    const drawn = scroller?.querySelector('.fb-board-row')?.getBoundingClientRect().height;
    if (drawn && Math.abs(drawn - rowHeight) > 0.5) setRowHeight(drawn);
    // A j/k step to a row that was not drawn yet: focus it now that it is.
    if (pendingFocus.current !== null && pendingFocus.current >= list.length) pendingFocus.current = null;
    if (pendingFocus.current !== null) {
      const row = rowAt(pendingFocus.current);
      if (row) {
        pendingFocus.current = null;
        row.focus();
      }
    }
  });

  const focusRow = (index: number) => {
    const row = rowAt(index);
    if (row) return row.focus();
    pendingFocus.current = index;
    if (scroller) scroller.scrollTop = index * rowHeight;
  };
  const move = (step: number) => {
    // A step while the previous one waits for its row to be drawn counts from that row.
    const current = pendingFocus.current ?? Number((document.activeElement as HTMLElement | null)?.closest('[data-testid="incident-row"]')?.getAttribute('data-index') ?? -1);
    focusRow(Math.max(0, Math.min(list.length - 1, current + step)));
  };
  useHotkeys([['j', () => move(1)], ['k', () => move(-1)]]);
  // Stable callbacks, so a scroll redraws only the rows that come into view.
  const moveRef = useRef(move);
  moveRef.current = move;
  const onMove = useCallback((step: number) => moveRef.current(step), []);
  const onOpen = useCallback((id: string) => void navigate(`/incidents/${id}`), [navigate]);

  return (
    <Stack gap={0} style={{ height: '100%', minHeight: 0 }}>
      <Group justify="space-between" p="sm" wrap="nowrap">
        <Title order={2} size="h4">{t('board.title', { count: incidents.data?.length ?? 0 })}</Title>
        <Segments
          value={filter}
          onChange={setFilter}
          label={t('board.filter')}
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
        // The browser's own scrolling and a plain table: Mantine's ScrollArea and Table bring floating-ui into the first load.
        <div ref={setScroller} style={{ flex: 1, minHeight: 0, overflowY: 'auto' }}>
          <table className="fb-board" data-testid="incident-board" aria-rowcount={list.length + 1}>
            <thead>
              <tr aria-rowindex={1}>
                <th>{t('board.priority')}</th>
                <th>{t('board.incident')}</th>
                <th>{t('board.age')}</th>
              </tr>
            </thead>
            <tbody>
              {first > 0 && <tr aria-hidden style={{ height: first * rowHeight }} />}
              {list.slice(first, last).map((incident, n) => (
                <BoardRow
                  key={incident.id}
                  index={first + n}
                  incident={incident}
                  now={now}
                  t={t}
                  nameOf={nameOf}
                  onOpen={onOpen}
                  onMove={onMove}
                />
              ))}
              {last < list.length && <tr aria-hidden style={{ height: (list.length - last) * rowHeight }} />}
            </tbody>
          </table>
        </div>
      )}
    </Stack>
  );
}

interface BoardRowProps {
  index: number;
  incident: Incident;
  now: number;
  t: TFunction;
  nameOf: NameOf;
  onOpen: (id: string) => void;
  onMove: (step: number) => void;
}

/** One incident: plain elements (no Mantine components), since every visible row redraws each second. */
const BoardRow = memo(function BoardRow({ index, incident: i, now, t, nameOf, onOpen, onMove }: BoardRowProps) {
  const stopped = clockStopped(i);
  const missed = anyMissed(i.tiers, now, stopped);
  return (
    <tr
      className="fb-board-row"
      tabIndex={0}
      onClick={() => onOpen(i.id)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') onOpen(i.id);
        else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
          e.preventDefault();
          onMove(e.key === 'ArrowDown' ? 1 : -1);
        }
      }}
      data-missed={missed || undefined}
      aria-rowindex={index + 2}
      aria-label={`${i.origin !== 'live' ? `${t(`incident.origin.${i.origin}`)}: ` : ''}${i.priority} ${t(`incidentType.${i.type}`)} ${i.address ?? ''}${missed ? ` — ${t('board.missedTier')}` : ''}`}
      data-testid="incident-row"
      data-incident-id={i.id}
      data-index={index}
    >
      <td><PriorityChip priority={i.priority} t={t} /></td>
      <td>
        <div className="fb-board-what">
          {missed && <IconAlertOctagon size={16} color="var(--mantine-color-red-5)" aria-hidden />}
          <strong>{t(`incidentType.${i.type}`)}</strong>
          {missed && <span className="fb-board-missed">{t('board.missedTier')}</span>}
          {i.origin !== 'live' && <span className="fb-chip" data-look="exercise" data-testid="incident-origin">{t(`incident.origin.${i.origin}`)}</span>}
        </div>
        <div className="fb-board-where">{i.address ?? nameOf(i.jurisdictionPath)}</div>
        <TierChips tiers={i.tiers} now={now} stopped={stopped} t={t} />
      </td>
      <td className="fb-board-age">{formatClock(secondsSince(i.receivedAt, now))}</td>
    </tr>
  );
});
