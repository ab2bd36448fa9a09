import type { PlaceCategory, PlacementResult } from '@firebreak/contracts';
import { Badge, Box, Card, Group, MultiSelect, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PLACE_CATEGORIES } from '../../api/enums';
import { call, fb, rawQuery } from '../../api/http';
import { useJurisdictions, type JurisdictionNode } from '../../api/queries';
import { onStreamEvents } from '../../live/stream-listeners';
import { EmptyState, ErrorState, Loading } from '../../shell/States';
import { CoverageMap } from './CoverageMap';
import { PlacementCard } from './PlacementCard';
import { TIER_COLOR, textOn, tierKey, travelClock } from './tiers';

/** Unit movements and status changes arrive every second or so: recompute at most this often. */
const REFRESH_MS = 10_000;
const DEFAULT_CATEGORIES: PlaceCategory[] = ['school', 'kindergarten'];

/**
 * Live 1-3-5 coverage: which key places (default: schools and kindergartens) the available
 * units reach by road within 1, 3 and 5 minutes now, the uncovered ones first. Recomputed when
 * units move or change status (stream events), at most every REFRESH_MS. The choice is kept in
 * the address (`?jurisdiction=&category=`).
 */
export default function CoveragePage() {
  const { t, i18n } = useTranslation();
  const tree = useJurisdictions();
  const options = useMemo(() => flatten(tree.data ?? []), [tree.data]);
  const [params, setParams] = useSearchParams();
  const asked = params.get('jurisdiction');
  const chosen = options.find((o) => o.value === asked)?.value ?? options[0]?.value ?? null;
  const categories = (params.get('category')?.split(',') ?? DEFAULT_CATEGORIES).filter((c): c is PlaceCategory => (PLACE_CATEGORIES as readonly string[]).includes(c));
  const set = (key: string, value: string | null) => setParams((p) => {
    const next = new URLSearchParams(p);
    if (value) next.set(key, value);
    else next.delete(key);
    return next;
  }, { replace: true });

  const query = new URLSearchParams({ ...(chosen ? { jurisdictionId: chosen } : {}), ...(categories.length ? { category: categories.join(',') } : {}) });
  const coverage = useQuery({
    queryKey: ['coverage', chosen, categories.join(',')],
    enabled: chosen !== null,
    queryFn: () => call(fb.GET('/api/v1/coverage', rawQuery(query))),
    staleTime: REFRESH_MS,
  });
  const { refetch } = coverage;
  const [placement, setPlacement] = useState<PlacementResult | null>(null);
  useEffect(() => {
    // Throttled with a trailing call: the last movement in a burst is always counted.
    let last = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const run = () => { timer = undefined; last = Date.now(); void refetch(); };
    const off = onStreamEvents((events) => {
      if (!events.some((e) => e.type.startsWith('units.')) || timer !== undefined) return;
      timer = setTimeout(run, Math.max(0, last + REFRESH_MS - Date.now()));
    });
    return () => { off(); if (timer !== undefined) clearTimeout(timer); };
  }, [refetch]);

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
          </Group>
        </Group>
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
              <Card withBorder style={{ maxHeight: 480, overflow: 'auto' }}>
                <Table fz="sm" data-testid="coverage-table" stickyHeader>
                  <Table.Thead><Table.Tr><Table.Th>{t('coverage.place')}</Table.Th><Table.Th>{t('coverage.time')}</Table.Th><Table.Th>{t('coverage.tier')}</Table.Th><Table.Th>{t('coverage.nearestUnit')}</Table.Th></Table.Tr></Table.Thead>
                  <Table.Tbody>
                    {data!.items.map((p) => (
                      <Table.Tr key={p.id} data-testid="coverage-row" data-tier={tierKey(p.tier)}>
                        <Table.Td>{p.name}<Text span size="xs" c="dimmed"> · {t(`placeCategory.${p.category}`)}</Text></Table.Td>
                        <Table.Td ff="monospace">{p.offRoad ? t('coverage.offRoad') : p.seconds === null ? t('coverage.beyondSearch') : travelClock(p.seconds)}</Table.Td>
                        <Table.Td style={{ whiteSpace: 'nowrap' }}><Badge color={TIER_COLOR[tierKey(p.tier)]} c={textOn(TIER_COLOR[tierKey(p.tier)])} variant="filled" miw="max-content">{p.tier === null ? t('coverage.none') : t('coverage.tierMinutes', { minutes: p.tier })}</Badge></Table.Td>
                        <Table.Td>{p.nearestUnit?.callSign ?? '—'}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
                {data!.truncated && <Text size="xs" c="dimmed" mt={4}>{t('coverage.truncated', { count: data!.items.length })}</Text>}
              </Card>
            </SimpleGrid>
            <PlacementCard jurisdictionId={chosen} categories={categories} onResult={setPlacement} />
            <Text size="xs" c="dimmed">{t('coverage.hint')}</Text>
          </>
        )}
      </Stack>
    </Box>
  );
}

function flatten(nodes: readonly JurisdictionNode[], depth = 0): { value: string; label: string }[] {
  return nodes.flatMap((n) => [{ value: n.id, label: `${'· '.repeat(depth)}${n.name}` }, ...flatten(n.children, depth + 1)]);
}
