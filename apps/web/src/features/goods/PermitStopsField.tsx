import { ActionIcon, Button, Group, NumberInput, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from '../../i18n/use-translation';
import { APPROVED_STOP_METRES, APPROVED_STOP_MINUTES, MAX_APPROVED_STOPS } from '../../api/enums';

/** An approved stop as typed: its place as "latitude, longitude" (as a map app copies it). */
export interface StopDraft { name: string; location: string; maxMinutes: number | string; radiusMeters: number | string }

export const newStop = (): StopDraft => ({ name: '', location: '', maxMinutes: 30, radiusMeters: APPROVED_STOP_METRES.default });

/** "47.1410, 9.5215" (latitude first, as map apps and GPS units show it) as [lon, lat]; null when it is not a point on the globe. */
export function parseLatLon(text: string): [number, number] | null {
  const m = /^\s*(-?\d+(?:\.\d+)?)\s*[,;\s]\s*(-?\d+(?:\.\d+)?)\s*$/.exec(text);
  if (!m) return null;
  const [lat, lon] = [Number(m[1]), Number(m[2])];
  return Math.abs(lat) <= 90 && Math.abs(lon) <= 180 ? [lon, lat] : null;
}

/** Which typed stop is not yet complete, and why (keys of goods.permitForm). */
export function stopProblems(stops: readonly StopDraft[]): string | null {
  for (const s of stops) {
    if (s.name.trim().length === 0 || typeof s.maxMinutes !== 'number' || typeof s.radiusMeters !== 'number') return 'goods.permitForm.required';
    if (!parseLatLon(s.location)) return 'goods.permitForm.stopLocationInvalid';
  }
  return null;
}

/**
 * The approved stops of a permit: where the vehicle may stand longer than the general allowance
 * (a rest area, a customs post), each with its own allowance and radius. The server checks that
 * each lies in the route's corridor and names the stop it refuses.
 */
export function PermitStopsField({ stops, onChange, error }: { stops: StopDraft[]; onChange: (stops: StopDraft[]) => void; error?: string | undefined }) {
  const { t } = useTranslation();
  const set = (i: number, patch: Partial<StopDraft>) => onChange(stops.map((s, j) => (j === i ? { ...s, ...patch } : s)));
  return (
    <Stack gap={4} data-testid="permit-stops">
      <Text size="sm" fw={500}>{t('goods.permitForm.stops')}</Text>
      <Text size="xs" c="dimmed">{t('goods.permitForm.stopsHint')}</Text>
      {stops.map((s, i) => (
        <Group key={i} grow align="flex-start" wrap="nowrap" data-testid="permit-stop">
          <TextInput label={t('goods.permitForm.stopName')} value={s.name} onChange={(e) => set(i, { name: e.currentTarget.value })} maxLength={120} data-testid="permit-stop-name" />
          <TextInput label={t('goods.permitForm.stopLocation')} placeholder="47.1410, 9.5215" value={s.location} onChange={(e) => set(i, { location: e.currentTarget.value })}
            error={s.location && !parseLatLon(s.location) ? t('goods.permitForm.stopLocationInvalid') : undefined} data-testid="permit-stop-location" />
          <NumberInput label={t('goods.permitForm.stopMinutes')} value={s.maxMinutes} onChange={(v) => set(i, { maxMinutes: v })} min={APPROVED_STOP_MINUTES.min} max={APPROVED_STOP_MINUTES.max}
            allowDecimal={false} allowNegative={false} data-testid="permit-stop-minutes" />
          <NumberInput label={t('goods.permitForm.stopRadius')} value={s.radiusMeters} onChange={(v) => set(i, { radiusMeters: v })} min={APPROVED_STOP_METRES.min} max={APPROVED_STOP_METRES.max}
            step={10} allowDecimal={false} allowNegative={false} data-testid="permit-stop-radius" />
          <ActionIcon variant="subtle" color="red" mt={26} style={{ flexGrow: 0 }} aria-label={t('goods.permitForm.removeStop')} onClick={() => onChange(stops.filter((_, j) => j !== i))}
            data-testid="permit-stop-remove">×</ActionIcon>
        </Group>
      ))}
      {error && <Text size="xs" c="red" data-testid="permit-stops-error">{error}</Text>}
      <Group>
        <Button size="xs" variant="light" disabled={stops.length >= MAX_APPROVED_STOPS} onClick={() => onChange([...stops, newStop()])} data-testid="permit-stop-add">
          {t('goods.permitForm.addStop')}
        </Button>
      </Group>
    </Stack>
  );
}
