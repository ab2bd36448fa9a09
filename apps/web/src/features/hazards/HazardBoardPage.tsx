import type { HazardState, Place, PlaceCategory } from '@firebreak/contracts';
import { Badge, Box, Button, CloseButton, Group, MultiSelect, Select, Stack, Switch, Table, Text, Title, UnstyledButton } from '@mantine/core';
import { IconAlertTriangle, IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { useSearchParams } from 'react-router';
import { allPages, call, fb, pageQuery, rawQuery } from '../../api/http';
import { PLACE_CATEGORIES } from '../../api/enums';
import { useJurisdictions, useMe, usePlaces } from '../../api/queries';
import { populatedBounds } from '../../map/bounds';
import { MapView } from '../../map/MapView';
import { hazardSites, type Overlay } from '../../map/overlays';
import { EmptyState, ErrorState, Loading } from '../../shell/States';
import { jurisdictionOptions } from '../../api/jurisdiction-names';
import { boardOrder, byCategory, filterFromParams, filterToParams, hazardListQuery, type HazardFilter } from './hazard-board';
import { HazardDetail } from './HazardDetail';
import { usePlaceName } from '../places/place-name';
import { useJurisdictionNames } from '../../api/jurisdiction-names';
import { RaiseHazardModal } from './RaiseHazardModal';

const STATES: HazardState[] = ['open', 'rectifying', 'submitted', 'verified', 'closed'];
const VISIBLE: Record<Overlay, boolean> = { boundaries: false, rings: false, places: false, hazards: true, incidents: false, units: false };
const NONE: never[] = [];
const noop = () => undefined;

/**
 * The hazard board: every hazard in my scope still needing work (or the states chosen), filtered by
 * grade, overdue, the place's category and jurisdiction (all in the address, so a view can be
 * shared), in a table beside a map of the places they are at. A row or a map marker opens the
 * hazard's detail with the steps I may take; inspectors raise new ones here or from a place.
 */
export default function HazardBoardPage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const me = useMe().data;
  const tree = useJurisdictions();
  const places = usePlaces();
  const filter = filterFromParams(params, PLACE_CATEGORIES);
  const selected = params.get('hazard');
  const atPlace = params.get('place');
  const [raising, setRaising] = useState(false);
  const jurisdictionName = useJurisdictionNames();
  const placeById = useMemo(() => new Map((places.data ?? []).map((p) => [p.id, p])), [places.data]);
  const query = hazardListQuery(filter);
  const list = useQuery({ queryKey: ['hazards', 'board-list', query], queryFn: () => allPages((cursor) => call(fb.GET('/api/v1/hazards', rawQuery(pageQuery(query, 500, cursor)))), 20) });
  const shown = useMemo(() => {
    const kept = byCategory(list.data ?? [], filter.category, (id) => placeById.get(id)?.category);
    return boardOrder(atPlace ? kept.filter((h) => h.placeId === atPlace) : kept);
  }, [list.data, filter.category, placeById, atPlace]);
  const sites = useMemo(() => hazardSites(shown, places.data ?? []), [shown, places.data]);
  const bounds = useMemo(() => {
    const pts = (places.data ?? []).map((p) => p.location);
    if (pts.length === 0) return null;
    const xs = pts.map((p) => p[0]), ys = pts.map((p) => p[1]);
    return populatedBounds(pts, [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)]);
  }, [places.data]);

  const update = (patch: Partial<HazardFilter>) => setParams((p) => filterToParams({ ...filter, ...patch }, p), { replace: true });
  const setParam = useCallback((key: string, value: string | null) => setParams((p) => {
    const out = new URLSearchParams(p);
    if (value) out.set(key, value);
    else out.delete(key);
    return out;
  }), [setParams]);
  const onSelectPlace = useCallback((placeId: string) => {
    const here = shown.filter((h) => h.placeId === placeId);
    if (here.length === 1) setParam('hazard', here[0]!.id);
    else setParam('place', placeId);
  }, [shown, setParam]);

  const mayRaise = me?.permissions.includes('hazards:manage') ?? false;
  const grants = me?.grants;
  const raisable = useMemo(() => {
    const roots = (grants ?? []).map((g) => g.jurisdictionPath);
    return (places.data ?? []).filter((p) => roots.some((r) => p.jurisdictionPath === r || p.jurisdictionPath.startsWith(`${r}.`)));
  }, [places.data, grants]);
  const nameOf = usePlaceName();
  const raiseLabel = useCallback((p: Place) => `${nameOf(p)} · ${jurisdictionName(p.jurisdictionPath)}`, [nameOf, jurisdictionName]);
  const date = (s: string) => new Date(s).toLocaleDateString(i18n.language, { dateStyle: 'medium' });
  const now = Date.now();
  const overdueCount = shown.filter((h) => h.overdue).length;

  return (
    <Box style={{ height: '100%', minHeight: 0, display: 'flex', flexDirection: 'column' }} data-testid="hazard-board">
      <Stack p="md" pb="xs" gap="xs">
        <Group justify="space-between">
          <Group gap="sm">
            <Title order={2} size="h3">{t('hazardWork.boardTitle')}</Title>
            <Badge size="lg" variant="light" data-testid="hazard-count" data-count={shown.length}>{t('hazardWork.count', { count: shown.length })}</Badge>
            {overdueCount > 0 && <Badge size="lg" color="red" leftSection={<IconAlertTriangle size={14} aria-hidden />} data-testid="hazard-overdue-count">{t('hazards.overdueCount', { count: overdueCount })}</Badge>}
          </Group>
          {mayRaise && <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setRaising(true)} data-testid="hazard-raise-open">{t('hazardWork.raise.open')}</Button>}
        </Group>
        <Group gap="sm" align="flex-end" data-testid="hazard-filters">
          <MultiSelect size="xs" label={t('hazards.state')} placeholder={filter.states.length ? undefined : t('hazardWork.stillOwedOrSubmitted')} clearable value={filter.states}
            onChange={(v) => update({ states: v as HazardState[] })} data={STATES.map((s) => ({ value: s, label: t(`hazards.states.${s}`) }))} miw={220} data-testid="hazard-filter-state" />
          <Select size="xs" label={t('hazards.grade')} placeholder={t('hazardWork.anyGrade')} clearable value={filter.grade} onChange={(v) => update({ grade: v as HazardFilter['grade'] })}
            data={[{ value: 'general', label: t('hazards.grades.general') }, { value: 'major', label: t('hazards.grades.major') }]} w={140} data-testid="hazard-filter-grade" />
          <Select size="xs" label={t('hazardWork.category')} placeholder={t('hazardWork.anyCategory')} clearable value={filter.category} onChange={(v) => update({ category: v as PlaceCategory | null })}
            data={PLACE_CATEGORIES.map((c) => ({ value: c, label: t(`placeCategory.${c}`) }))} w={200} data-testid="hazard-filter-category" />
          <Select size="xs" label={t('hazardWork.jurisdiction')} placeholder={t('hazardWork.allMine')} clearable searchable value={filter.jurisdictionId} onChange={(v) => update({ jurisdictionId: v })}
            data={jurisdictionOptions(tree.data ?? [], i18n.language)} w={220} data-testid="hazard-filter-jurisdiction" />
          <Switch size="sm" label={t('hazardWork.overdueOnly')} checked={filter.overdueOnly} onChange={(e) => update({ overdueOnly: e.currentTarget.checked })} data-testid="hazard-filter-overdue" mb={4} />
          {atPlace && (
            <Badge size="lg" variant="outline" rightSection={<CloseButton size="xs" aria-label={t('hazardWork.clearPlace')} onClick={() => setParam('place', null)} />} data-testid="hazard-filter-place">
              {placeById.get(atPlace) ? nameOf(placeById.get(atPlace)!) : t('hazards.place')}
            </Badge>
          )}
        </Group>
      </Stack>
      <Box style={{ flex: 1, minHeight: 0, display: 'grid', gridTemplateColumns: 'minmax(0, 3fr) minmax(0, 2fr)', gap: 'var(--mantine-spacing-sm)' }} px="md" pb="md">
        <Box style={{ overflow: 'auto', minHeight: 0 }}>
          {list.isPending ? <Loading /> : list.isError ? <ErrorState error={list.error} onRetry={() => void list.refetch()} /> : shown.length === 0 ? (
            <EmptyState title={t('hazardWork.empty')}>{t('hazardWork.emptyHint')}</EmptyState>
          ) : (
            <Table striped highlightOnHover stickyHeader fz="sm" data-testid="hazard-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('hazards.hazard')}</Table.Th>
                  <Table.Th>{t('hazards.place')}</Table.Th>
                  <Table.Th>{t('hazards.grade')}</Table.Th>
                  <Table.Th>{t('hazards.state')}</Table.Th>
                  <Table.Th>{t('hazards.due')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {shown.map((h) => {
                  const lateDays = Math.max(0, Math.floor((now - Date.parse(h.dueAt)) / 86_400_000));
                  const place = h.placeId ? placeById.get(h.placeId) : undefined;
                  return (
                    <Table.Tr key={h.id} data-testid="hazard-row" data-id={h.id} data-state={h.state} data-overdue={h.overdue} aria-selected={selected === h.id}>
                      <Table.Td>
                        <UnstyledButton onClick={() => setParam('hazard', h.id)} data-testid="hazard-open"><Text fw={600} size="sm">{h.title}</Text></UnstyledButton>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{place ? nameOf(place) : (h.placeName ? nameOf(h.placeName) : t('hazardWork.noPlace'))}</Text>
                        <Text size="xs" c="dimmed">{place ? `${t(`placeCategory.${place.category}`)} · ` : ''}{jurisdictionName(h.jurisdictionPath)}</Text>
                      </Table.Td>
                      <Table.Td><Badge color={h.grade === 'major' ? 'red' : 'yellow'} variant={h.grade === 'major' ? 'filled' : 'light'}>{t(`hazards.grades.${h.grade}`)}</Badge></Table.Td>
                      <Table.Td>{t(`hazards.states.${h.state}`)}{h.extensions.some((e) => e.state === 'pending') && <Text size="xs" c="blue.3">{t('hazardWork.extensionPending')}</Text>}
                        {h.escalatedTo && <Text size="xs" c="orange.3">{t('hazards.escalatedTo', { path: jurisdictionName(h.escalatedTo) })}</Text>}
                        {h.supervisedBy && <Text size="xs" c="grape.3">{t('hazards.supervisedBy', { path: jurisdictionName(h.supervisedBy) })}</Text>}</Table.Td>
                      <Table.Td>
                        <Text size="sm">{date(h.dueAt)}</Text>
                        {h.overdue && <Text size="xs" fw={700} c="red.4">{t('hazards.lateBy', { days: lateDays })}</Text>}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          )}
        </Box>
        <Box style={{ position: 'relative', minHeight: 320, borderRadius: 'var(--mantine-radius-sm)', overflow: 'hidden' }} data-testid="hazard-map">
          <MapView incidents={NONE} units={NONE} places={NONE} hazardSites={sites} jurisdictions={null} rings={null} selectedIncidentId={null} picking={false}
            pickedPoint={null} visible={VISIBLE} focus={null} initialBounds={bounds} onPick={noop} onSelectIncident={noop} onSelectPlace={onSelectPlace} />
        </Box>
      </Box>
      {selected && <HazardDetail id={selected} onClose={() => setParam('hazard', null)} />}
      {raising && <RaiseHazardModal places={raisable} placeLabel={raiseLabel} onClose={() => setRaising(false)} onRaised={(h) => setParam('hazard', h.id)} />}
    </Box>
  );
}
