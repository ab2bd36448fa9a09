import type { PlaceCategory, PlacementResult, UnitKind, Weekday } from '@firebreak/contracts';
import { Badge, Box, Card, Group, MultiSelect, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { useSearchParams } from 'react-router';
import { PLACE_CATEGORIES } from '../../api/enums';
import { call, fb, rawQuery } from '../../api/http';
import { jurisdictionOptions } from '../../api/jurisdiction-names';
import { useJurisdictions, type JurisdictionNode } from '../../api/queries';
import { onStreamEvents } from '../../live/stream-listeners';
import { EmptyState, ErrorState, Loading } from '../../shell/States';
import { ClosedDaysCard } from './ClosedDaysCard';
import { CoverageMap } from './CoverageMap';
import { CoverageSettingsCard } from './CoverageSettingsCard';
import { MoveUpAlert } from './MoveUpAlert';
import { PatrolPlanCard } from './PatrolPlanCard';
import { PlacementCard } from './PlacementCard';
import { dispatchTouches } from './move-up-refresh';
import { TIER_COLOR, textOn, tierKey, travelClock } from './tiers';
import { choiceOf, hoursInWords, SCHOOL_DAYS, UNIT_KINDS, WEEKDAYS, WINDOW_PRESETS, windowProblem, type WindowChoice } from './window';
import { usePlaceName } from '../places/place-name';

/** Unit movements and status changes arrive every second or so: recompute at most this often. */
const REFRESH_MS = 10_000;
const DEFAULT_CATEGORIES: PlaceCategory[] = ['school', 'kindergarten'];

/**
 * Live 1-3-5 coverage: which key places (default: schools and kindergartens) the available
 * units reach by road within 1, 3 and 5 minutes now, the uncovered ones first. Recomputed when
 * units move or change status (stream events), at most every REFRESH_MS — at once for a dispatch
 * touching the chosen jurisdiction. A time window (school
 * opening or closing on school days, or any HH:MM-HH:MM) counts only the places open in it; the
 * unit kinds default to the server's choice (patrol units for schools and kindergartens). With a
 * jurisdiction chosen, the move-up alert shows when dispatches took its coverage below its
 * threshold. A window may be asked on a date (`date=`): its weekday, less the places a closed day
 * (public or school holiday, `ClosedDaysCard`) shuts. The choice is kept in the address
 * (`?jurisdiction=&category=&window=&days=&date=&kinds=`).
 */
export default function CoveragePage() {
  const { t, i18n } = useTranslation();
  const nameOf = usePlaceName();
  const tree = useJurisdictions();
  const options = useMemo(() => jurisdictionOptions(tree.data ?? [], i18n.language), [tree.data, i18n.language]);
  const [params, setParams] = useSearchParams();
  const asked = params.get('jurisdiction');
  const chosen = options.find((o) => o.value === asked)?.value ?? options[0]?.value ?? null;
  const categories = (params.get('category')?.split(',') ?? DEFAULT_CATEGORIES).filter((c): c is PlaceCategory => (PLACE_CATEGORIES as readonly string[]).includes(c));
  const kinds = (params.get('kinds')?.split(',') ?? []).filter((k): k is UnitKind => (UNIT_KINDS as readonly string[]).includes(k));
  const windowHours = params.get('window');
  const days = (params.get('days')?.split(',') ?? []).filter((d): d is Weekday => (WEEKDAYS as readonly string[]).includes(d));
  const choice = choiceOf(windowHours, days);
  // A window on a date (its weekday; the places a public or school holiday closes that day not counted).
  const dateParam = params.get('date');
  const onDate = dateParam !== null && /^\d{4}-\d{2}-\d{2}$/.test(dateParam) ? dateParam : null;
  const [typedDate, setTypedDate] = useState<string>(dateParam ?? '');
  const [typed, setTyped] = useState<string>(windowHours ?? '');
  const typedProblem = typed === '' ? null : windowProblem(typed);
  const timeWindow = windowHours !== null && windowProblem(windowHours) === null ? { hours: windowHours, days: days.length ? days : [...WEEKDAYS] } : null;
  const set = (key: string, value: string | null) => setParams((p) => {
    const next = new URLSearchParams(p);
    if (value) next.set(key, value);
    else next.delete(key);
    return next;
  }, { replace: true });
  const setWindow = (hours: string | null, ds: readonly Weekday[]) => setParams((p) => {
    const next = new URLSearchParams(p);
    if (hours) { next.set('window', hours); next.set('days', ds.join(',')); } else { next.delete('window'); next.delete('days'); }
    return next;
  }, { replace: true });
  const choose = (c: WindowChoice) => {
    if (c === 'any') setWindow(null, []);
    else if (c === 'custom') setWindow(timeWindow?.hours ?? '07:30-08:30', timeWindow?.days ?? SCHOOL_DAYS);
    else setWindow(WINDOW_PRESETS[c].hours, WINDOW_PRESETS[c].days);
    if (c !== 'any') setTyped(c === 'custom' ? timeWindow?.hours ?? '07:30-08:30' : WINDOW_PRESETS[c].hours);
  };

  const query = new URLSearchParams({
    ...(chosen ? { jurisdictionId: chosen } : {}), ...(categories.length ? { category: categories.join(',') } : {}),
    ...(kinds.length ? { unitKinds: kinds.join(',') } : {}), ...(timeWindow ? { window: timeWindow.hours, ...(onDate ? {} : { days: timeWindow.days.join(',') }) } : {}),
    ...(onDate ? { date: onDate } : {}),
  });
  const client = useQueryClient();
  const coverage = useQuery({
    queryKey: ['coverage', query.toString()],
    enabled: chosen !== null,
    queryFn: () => call(fb.GET('/api/v1/coverage', rawQuery(query))),
    staleTime: REFRESH_MS,
  });
  const { refetch } = coverage;
  const [placement, setPlacement] = useState<PlacementResult | null>(null);
  const chosenPath = findPath(tree.data ?? [], chosen);
  useEffect(() => {
    // Throttled with a trailing call: the last movement in a burst is always counted. The
    // coverage and the move-up alert share the key, so both follow dispatches and moves. A
    // dispatch at, under or above the chosen jurisdiction skips the throttle: the move-up shown
    // must not be a dispatch behind when the dispatcher accepts it (that is a 409).
    let last = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const run = () => { if (timer !== undefined) clearTimeout(timer); timer = undefined; last = Date.now(); void client.invalidateQueries({ queryKey: ['coverage'] }); };
    const off = onStreamEvents((events) => {
      if (chosenPath !== null && dispatchTouches(events, chosenPath)) { run(); return; }
      if (!events.some((e) => e.type.startsWith('units.') || e.type.startsWith('dispatch.') || e.type.startsWith('coverage.')) || timer !== undefined) return;
      timer = setTimeout(run, Math.max(0, last + REFRESH_MS - Date.now()));
    });
    return () => { off(); if (timer !== undefined) clearTimeout(timer); };
  }, [client, chosenPath]);

  const percent = new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 1 });
  const data = coverage.data;
  return (
    <Box style={{ height: '100%', overflow: 'auto' }}>
      <Stack p="md" gap="md" data-testid="coverage">
        <Group justify="space-between" align="flex-end" wrap="wrap">
          <Title order={2} size="h3">{t('coverage.title')}</Title>
          <Group align="flex-end" gap="sm" wrap="wrap">
            <Select label={t('coverage.jurisdiction')} data={options} value={chosen} onChange={(v) => set('jurisdiction', v)} searchable miw={240} allowDeselect={false} data-testid="coverage-jurisdiction" />
            <MultiSelect label={t('coverage.categories')} data={PLACE_CATEGORIES.map((c) => ({ value: c, label: t(`placeCategory.${c}`) }))} value={categories}
              onChange={(v) => set('category', v.length ? v.join(',') : null)} placeholder={t('coverage.allCategories')} miw={260} clearable data-testid="coverage-categories" />
            <MultiSelect label={t('coverage.kinds')} data={UNIT_KINDS.map((k) => ({ value: k, label: t(`unitKind.${k}`) }))} value={kinds}
              onChange={(v) => set('kinds', v.length ? v.join(',') : null)} placeholder={t('coverage.kindsDefault')} miw={240} clearable data-testid="coverage-kinds" />
          </Group>
        </Group>
        <Group align="flex-end" gap="sm" wrap="wrap" data-testid="coverage-window">
          <Select label={t('coverage.window.label')} value={choice} onChange={(v) => choose((v ?? 'any') as WindowChoice)} allowDeselect={false} miw={260} data-testid="coverage-window-choice"
            data={(['any', 'schoolOpening', 'schoolClosing', 'custom'] as const).map((c) => ({ value: c, label: t(`coverage.window.${c}`) }))} />
          {choice === 'custom' && (
            <>
              <TextInput label={t('coverage.window.hours')} value={typed} w={150} placeholder="07:30-08:30" data-testid="coverage-window-hours"
                error={typedProblem ? t(`coverage.window.problem.${typedProblem}`) : undefined}
                onChange={(e) => { const v = e.currentTarget.value; setTyped(v); if (windowProblem(v) === null) setWindow(v, timeWindow?.days ?? SCHOOL_DAYS); }} />
              {onDate === null && <MultiSelect label={t('coverage.window.days')} data={WEEKDAYS.map((d) => ({ value: d, label: t(`coverage.weekday.${d}`) }))} value={timeWindow?.days ?? []} miw={260}
                onChange={(v) => setWindow(timeWindow?.hours ?? '07:30-08:30', WEEKDAYS.filter((d) => v.includes(d)))} data-testid="coverage-window-days" />}
            </>
          )}
          <TextInput label={t('coverage.window.date')} value={typedDate} w={150} placeholder="2026-03-19" data-testid="coverage-window-date"
            error={typedDate === '' || /^\d{4}-\d{2}-\d{2}$/.test(typedDate) ? undefined : t('coverage.closedDays.dateFormat')}
            onChange={(e) => { const v = e.currentTarget.value.trim(); setTypedDate(v); if (v === '' || /^\d{4}-\d{2}-\d{2}$/.test(v)) set('date', v || null); }} />
          {data && data.window && <Text size="sm" c="dimmed" data-testid="coverage-outside-window">{t('coverage.window.outside', { count: data.outsideWindow })}</Text>}
        </Group>
        {chosen !== null && <MoveUpAlert ask={{ jurisdictionId: chosen, categories, window: timeWindow, kinds }} />}
        {chosen !== null && <CoverageSettingsCard jurisdictionId={chosen} />}
        {chosen !== null && <ClosedDaysCard jurisdictionId={chosen} year={Number((onDate ?? new Date().toISOString()).slice(0, 4))} />}
        {tree.isError ? <ErrorState error={tree.error} /> : chosen === null || coverage.isPending ? <Loading /> : coverage.isError ? <ErrorState error={coverage.error} onRetry={() => void refetch()} /> : data!.places === 0 ? (
          <EmptyState title={t('coverage.empty')}>{t('coverage.emptyHint')}</EmptyState>
        ) : (
          <>
            <SimpleGrid cols={{ base: 2, md: 4 }}>
              {data!.tiers.map((tier) => (
                <Card withBorder key={tier.minutes} data-testid={`coverage-tier-${tier.minutes}`}>
                  <Text size="sm" c="dimmed">{t('coverage.within', { minutes: tier.minutes })}</Text>
                  <Text size="xl" fw={700}>{percent.format(tier.share)}</Text>
                  <Text size="xs" c="dimmed">{t('coverage.ofPlaces', { covered: tier.covered, places: data!.places })}</Text>
                </Card>
              ))}
              <Card withBorder data-testid="coverage-uncovered" style={data!.uncovered > 0 ? { borderColor: TIER_COLOR.none, borderWidth: 2 } : undefined}>
                <Text size="sm" c="dimmed">{t('coverage.uncovered')}</Text>
                <Text size="xl" fw={700} c={data!.uncovered > 0 ? 'red.6' : undefined}>{data!.uncovered}</Text>
                <Text size="xs" c="dimmed">{t('coverage.units', { count: data!.units })}</Text>
              </Card>
            </SimpleGrid>
            <SimpleGrid cols={{ base: 1, lg: 2 }}>
              <Card withBorder p={0} style={{ height: 480 }}><CoverageMap key={i18n.language} items={data!.items} posts={placement?.posts ?? []} /></Card>
              {/* Focusable: a keyboard user scrolls the long list too (axe scrollable-region-focusable). */}
              <Card withBorder style={{ maxHeight: 480, overflow: 'auto' }} tabIndex={0}>
                <Table fz="sm" data-testid="coverage-table" stickyHeader>
                  <Table.Thead><Table.Tr><Table.Th>{t('coverage.place')}</Table.Th><Table.Th>{t('coverage.time')}</Table.Th><Table.Th>{t('coverage.tier')}</Table.Th><Table.Th>{t('coverage.nearestUnit')}</Table.Th><Table.Th>{t('coverage.hours')}</Table.Th></Table.Tr></Table.Thead>
                  <Table.Tbody>
                    {data!.items.map((p) => (
                      <Table.Tr key={p.id} data-testid="coverage-row" data-tier={tierKey(p.tier)}>
                        <Table.Td>{nameOf(p)}<Text span size="xs" c="dimmed"> · {t(`placeCategory.${p.category}`)}</Text></Table.Td>
                        <Table.Td ff="monospace">{p.offRoad ? t('coverage.offRoad') : p.seconds === null ? t('coverage.beyondSearch') : travelClock(p.seconds)}</Table.Td>
                        <Table.Td style={{ whiteSpace: 'nowrap' }}><Badge color={TIER_COLOR[tierKey(p.tier)]} c={textOn(TIER_COLOR[tierKey(p.tier)])} variant="filled" miw="max-content">{p.tier === null ? t('coverage.none') : t('coverage.tierMinutes', { minutes: p.tier })}</Badge></Table.Td>
                        <Table.Td>{p.nearestUnit?.callSign ?? '—'}</Table.Td>
                        <Table.Td fz="xs" title={t(`coverage.hoursSource.${p.hoursSource}`)}>{p.hours === null ? t('coverage.always') : hoursInWords(p.hours, t)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
                {data!.truncated && <Text size="xs" c="dimmed" mt={4}>{t('coverage.truncated', { count: data!.items.length })}</Text>}
              </Card>
            </SimpleGrid>
            <PlacementCard jurisdictionId={chosen} categories={categories} window={timeWindow} date={onDate} onResult={setPlacement} />
            {chosen !== null && <PatrolPlanCard jurisdictionId={chosen} placement={placement} windowHours={timeWindow?.hours ?? null} />}
            <Text size="xs" c="dimmed">{t('coverage.hint')}</Text>
          </>
        )}
      </Stack>
    </Box>
  );
}

/** The path of the jurisdiction chosen, from the tree the page already holds. */
function findPath(nodes: readonly JurisdictionNode[], id: string | null): string | null {
  for (const n of nodes) {
    if (n.id === id) return n.path;
    const below = findPath(n.children, id);
    if (below !== null) return below;
  }
  return null;
}
