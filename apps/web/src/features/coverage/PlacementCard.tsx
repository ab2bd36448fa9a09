import type { PlaceCategory, PlacementResult, Weekday } from '@firebreak/contracts';
import { Alert, Button, Card, Group, List, NumberInput, SegmentedControl, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { IconAlertTriangle } from '@tabler/icons-react';
import { call, fb, problemText } from '../../api/http';
import { PLACEMENT_LIMITS, wholeProblem } from './placement-form';
import { travelClock } from './tiers';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * "Where should p patrols stand?": MCLP (cover the most places within T minutes) or p-median
 * (least travel time) over the stations, the places shown and their jurisdiction; the posts are
 * drawn on the coverage map. Exact for small models, else the heuristic with its gap. In a time
 * window each place weighs the share of it that the place is open. Planned for a date (or a range:
 * a week), closed days count: a place weighs the share of the dates it is open (the page's date to
 * begin with).
 */
export function PlacementCard({ jurisdictionId, categories, window, date, onResult }: { jurisdictionId: string | null; categories: PlaceCategory[]; window: { hours: string; days: Weekday[] } | null; date: string | null; onResult: (r: PlacementResult | null) => void }) {
  const { t, i18n } = useTranslation();
  const [kind, setKind] = useState<'mclp' | 'p-median'>('mclp');
  // As typed: a field emptied or holding a fraction says so under itself, rather than being sent or
  // silently clamped into a different model.
  const [p, setP] = useState<number | string>(3);
  const [minutes, setMinutes] = useState<number | string>(3);
  const pProblem = wholeProblem(p, PLACEMENT_LIMITS.posts);
  const minutesProblem = kind === 'mclp' ? wholeProblem(minutes, PLACEMENT_LIMITS.minutes) : null;
  const [from, setFrom] = useState(date ?? '');
  const [until, setUntil] = useState('');
  // The page's date changed: plan for it (the range's end is the planner's to set again).
  useEffect(() => { setFrom(date ?? ''); setUntil(''); }, [date]);
  const fromOk = from === '' || ISO_DATE.test(from);
  const untilOk = until === '' || (ISO_DATE.test(until) && from !== '' && until >= from);
  // On a single date its weekday is the day; over a range the window's weekdays pick its dates (school days of a week).
  const onDates = from === '' ? {} : { date: from, ...(until === '' ? {} : { until, ...(window ? { days: window.days } : {}) }) };
  const run = useMutation({
    mutationFn: () => call(fb.POST('/api/v1/coverage/placements', {
      body: {
        kind, p: Number(p), ...(kind === 'mclp' ? { minutes: Number(minutes) } : {}), ...(jurisdictionId ? { jurisdictionId } : {}),
        demand: { ...(categories.length ? { categories } : {}), ...(window ? { window: window.hours, ...(from === '' ? { days: window.days } : {}) } : {}), ...onDates },
      },
    })),
    onSuccess: (r) => onResult(r),
    onError: () => onResult(null),
  });
  const percent = new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 1 });
  const r = run.data;
  return (
    <Card withBorder data-testid="placement">
      <Title order={3} size="h5" mb="xs">{t('coverage.placement.title')}</Title>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <SegmentedControl value={kind} onChange={(v) => setKind(v as typeof kind)} data={[{ value: 'mclp', label: t('coverage.placement.mclp') }, { value: 'p-median', label: t('coverage.placement.pmedian') }]} />
        <NumberInput label={t('coverage.placement.posts')} value={p} onChange={setP} w={110} clampBehavior="none" data-testid="placement-p"
          error={pProblem ? t(`coverage.placement.problem.${pProblem}`, PLACEMENT_LIMITS.posts) : undefined} />
        {kind === 'mclp' && <NumberInput label={t('coverage.placement.minutes')} value={minutes} onChange={setMinutes} w={130} clampBehavior="none" data-testid="placement-minutes"
          error={minutesProblem ? t(`coverage.placement.problem.${minutesProblem}`, PLACEMENT_LIMITS.minutes) : undefined} />}
        <TextInput label={t('coverage.placement.date')} value={from} onChange={(e) => setFrom(e.currentTarget.value.trim())} w={150} placeholder={t('coverage.placement.anyDate')} data-testid="placement-date"
          error={fromOk ? undefined : t('coverage.closedDays.dateFormat')} />
        <TextInput label={t('coverage.placement.until')} value={until} onChange={(e) => setUntil(e.currentTarget.value.trim())} w={150} placeholder={t('coverage.closedDays.sameDay')} data-testid="placement-until"
          disabled={from === ''} error={untilOk ? undefined : t('coverage.closedDays.toAfterFrom')} />
        <Button onClick={() => run.mutate()} loading={run.isPending} disabled={!fromOk || !untilOk || pProblem !== null || minutesProblem !== null} data-testid="placement-run">{t('coverage.placement.run')}</Button>
      </Group>
      {run.isError && <Alert color="red" icon={<IconAlertTriangle aria-hidden />} role="alert" mt="sm" data-testid="placement-error">{problemText(run.error, t('errors.generic'))}</Alert>}
      {r && (
        <Stack gap={4} mt="sm" data-testid="placement-result">
          <Text size="sm">
            {r.kind === 'mclp'
              ? t('coverage.placement.covered', { share: percent.format(r.summary), minutes: r.minutes, count: r.demand })
              : t('coverage.placement.mean', { time: travelClock(r.summary), count: r.demand })}
          </Text>
          {r.dates && <Text size="xs" c="dimmed" data-testid="placement-dates">{t('coverage.placement.dates', { count: r.dates.length, from: r.dates[0], to: r.dates.at(-1) })}</Text>}
          <Text size="xs" c="dimmed">{t(`coverage.placement.method.${r.method}`)} · {r.gap === 0 ? t('coverage.placement.optimal') : t('coverage.placement.gap', { gap: percent.format(r.gap) })} · {r.milliseconds} ms</Text>
          {r.timedOut && <Alert color="yellow" p="xs">{t('coverage.placement.timedOut')}</Alert>}
          <List size="sm" data-testid="placement-posts">
            {r.posts.map((post, i) => (
              <List.Item key={i}>{post.name ?? t('coverage.placement.point', { lon: post.location[0].toFixed(4), lat: post.location[1].toFixed(4) })} · {t(`coverage.placement.source.${post.source}`)} · {t('coverage.placement.serves', { count: post.serves })}</List.Item>
            ))}
          </List>
        </Stack>
      )}
    </Card>
  );
}
