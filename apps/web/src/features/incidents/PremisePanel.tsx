import type { GoodsHolding, IncidentType } from '@firebreak/contracts';
import { Badge, Group, Loader, Paper, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from '../../i18n/use-translation';
import { call, fb, problemText } from '../../api/http';
import { quantityText } from '../goods/format';
import { usePlaceName } from '../places/place-name';
import { useJurisdictionNames } from '../../api/jurisdiction-names';

/** What the panel shows of each list: enough to read while on the phone. */
const SHOWN = 5;
/** The server's PREMISE_GOODS_RADIUS_M (contracts/premise.ts): how far out licensed goods are listed. */
const GOODS_RADIUS_M = 500;

/**
 * What is known about the chosen location, beside the intake form: its jurisdiction and who is on
 * duty, key places and open hazards within 200 m, licensed dangerous goods held within 500 m, earlier calls within 50 m in 30 days, possible
 * duplicates once the type is known. One request per location (and type); it holds no focusable
 * element, so the keyboard path through the form is the same with or without it.
 */
export function PremisePanel({ location, type }: { location: [number, number]; type: IncidentType | null }) {
  const { t, i18n } = useTranslation();
  const jurisdictionName = useJurisdictionNames();
  const nameOf = usePlaceName();
  const premise = useQuery({
    queryKey: ['premise', location[0], location[1], type],
    queryFn: () => call(fb.GET('/api/v1/intake/premise', { params: { query: { lon: location[0], lat: location[1], ...(type ? { type } : {}) } } })),
    staleTime: 30_000,
    retry: false,
    // Keep the previous answer on screen while the next location's loads: no flicker as the dispatcher refines the point.
    placeholderData: (previous) => previous,
  });
  const time = (iso: string) => new Date(iso).toLocaleString(i18n.language, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
  const p = premise.data;
  return (
    <Paper withBorder p="xs" radius="sm" data-testid="premise-panel" aria-live="polite" aria-busy={premise.isFetching}>
      <Group justify="space-between" gap="xs" mb={4}>
        <Text size="sm" fw={700}>{t('premise.title')}</Text>
        {premise.isFetching && <Loader size="xs" aria-label={t('premise.loading')} />}
      </Group>
      {premise.isError && <Text size="xs" c="red.4">{problemText(premise.error, t('errors.generic'))}</Text>}
      {p && (
        <Stack gap={6}>
          <Text size="xs" data-testid="premise-jurisdiction">
            <b>{p.jurisdiction ? jurisdictionName(p.jurisdiction.path, p.jurisdiction.name) : t('premise.noJurisdiction')}</b>
            {' · '}{t('premise.onDuty')}{' '}
            {[...p.onDuty.posts.filter((x) => x.holder).map((x) => `${x.title}: ${x.holder}`), ...p.onDuty.units.map((u) => u.callSign)].join(', ') || t('premise.none')}
          </Text>
          <Section title={t('premise.keyPlaces', { metres: 200 })} testId="premise-places" empty={p.keyPlaces.length === 0}>
            {p.keyPlaces.slice(0, SHOWN).map((k) => (
              <Text key={k.id} size="xs">{nameOf(k)} · {t(`placeCategory.${k.category}`)} · {Math.round(k.distanceMetres)} m</Text>
            ))}
          </Section>
          <Section title={t('premise.hazards', { metres: 200 })} testId="premise-hazards" empty={p.hazards.length === 0}>
            {p.hazards.slice(0, SHOWN).map((h) => (
              <Group key={h.id} gap={4} wrap="nowrap">
                {h.overdue && <Badge size="xs" color="red" variant="filled">{t('premise.overdue')}</Badge>}
                {h.grade === 'major' && <Badge size="xs" color="orange" variant="light">{t('premise.major')}</Badge>}
                <Text size="xs" lineClamp={1}>{h.title} · {nameOf(h.placeName)} · {t('premise.ageDays', { count: h.ageDays })}</Text>
              </Group>
            ))}
          </Section>
          <Section title={t('premise.goods', { metres: GOODS_RADIUS_M })} testId="premise-goods" empty={p.dangerousGoods.length === 0}>
            {p.dangerousGoods.slice(0, SHOWN).map((g) => (
              <Text key={g.siteId} size="xs" c="orange.4" lineClamp={2}>
                <b>{nameOf(g.name)}</b> · {g.distanceMetres} m · {g.items.map((i) => `${i.unNumber ? `${i.unNumber} (${t('premise.class', { cls: i.hazardClass })})` : i.name} ${quantityText(i.balance, i.unit as GoodsHolding['unit'], i18n.language, t)}`).join(', ')}
              </Text>
            ))}
          </Section>
          <Section title={t('premise.recent', { metres: 50, days: 30 })} testId="premise-recent" empty={p.recentIncidents.length === 0}>
            {p.recentIncidents.slice(0, SHOWN).map((i) => (
              <Text key={i.id} size="xs">{t(`incidentType.${i.type}`)} · {i.priority} · {time(i.receivedAt)}</Text>
            ))}
          </Section>
          {p.duplicates && (
            <Section title={t('premise.duplicates')} testId="premise-duplicates" empty={p.duplicates.items.length === 0}>
              {p.duplicates.items.slice(0, SHOWN).map((d) => (
                <Text key={d.id} size="xs" c="yellow.4">{t(`incidentType.${d.type}`)} · {d.priority} · {Math.round(d.distanceMetres)} m · {time(d.receivedAt)}</Text>
              ))}
            </Section>
          )}
        </Stack>
      )}
    </Paper>
  );
}

function Section({ title, testId, empty, children }: { title: string; testId: string; empty: boolean; children: React.ReactNode }) {
  const { t } = useTranslation();
  return (
    <Stack gap={0} data-testid={testId}>
      <Text size="xs" c="dimmed" fw={600}>{title}</Text>
      {empty ? <Text size="xs" c="dimmed">{t('premise.none')}</Text> : children}
    </Stack>
  );
}
