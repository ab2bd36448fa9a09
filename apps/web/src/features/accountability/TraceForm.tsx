import { Button, Card, Group, NumberInput, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { allPages, call, fb } from '../../api/http';
import { isoToLocal } from '../issue/issue-form';
import { PlaceSearchSelect } from '../supervision/PlaceSearchSelect';
import { DEFAULT_RADIUS_M, MAX_RADIUS_M, traceSearch, type TraceDraft } from './trace-query';
import { useJurisdictionNames } from '../../api/jurisdiction-names';

const DAY = 86_400_000;

/** The draft a search string stands for (the form opens on what the page's address asks). */
function draftOf(params: URLSearchParams): TraceDraft {
  const iso = (k: string) => {
    const ms = Date.parse(params.get(k) ?? '');
    return Number.isNaN(ms) ? null : isoToLocal(ms);
  };
  const now = Date.now();
  return {
    mode: params.get('placeId') ? 'place' : 'incident',
    incidentId: params.get('incidentId'),
    placeId: params.get('placeId'),
    from: iso('from') ?? isoToLocal(now - 30 * DAY),
    to: iso('to') ?? isoToLocal(now),
    radiusM: params.get('radiusM') ?? DEFAULT_RADIUS_M,
  };
}

/**
 * What to trace: an incident (the trace is at the time its call came in), or a key place over a
 * window; and how far around it a hazard counts as near. `serverErrors` are the API's field
 * errors by query field ("to", "radiusM").
 */
export function TraceForm({ params, onTrace, serverErrors, referenceName }: {
  params: URLSearchParams;
  onTrace: (search: string) => void;
  serverErrors: Record<string, string>;
  /** The traced reference's name, to label a chosen incident or place the lists do not hold. */
  referenceName?: string | undefined;
}) {
  const { t, i18n } = useTranslation();
  const nameOf = useJurisdictionNames();
  const [d, setD] = useState<TraceDraft>(() => draftOf(params));
  const [problems, setProblems] = useState<Record<string, string>>({});
  const set = (patch: Partial<TraceDraft>) => setD((x) => ({ ...x, ...patch }));
  const incidents = useQuery({ queryKey: ['incidents', 'recent'], enabled: d.mode === 'incident', queryFn: () => allPages((cursor) => call(fb.GET('/api/v1/incidents', { params: { query: { limit: 100, cursor } } })), 1) });
  const incidentOptions = (incidents.data ?? []).map((i) => ({
    value: i.id,
    label: `${t(`incidentType.${i.type}`)} ${i.priority} · ${i.address ?? nameOf(i.jurisdictionPath)} · ${new Date(i.receivedAt).toLocaleString(i18n.language, { dateStyle: 'short', timeStyle: 'short' })}`,
  }));
  if (d.incidentId && !incidentOptions.some((o) => o.value === d.incidentId)) incidentOptions.unshift({ value: d.incidentId, label: referenceName ?? d.incidentId });
  const errorOf = (f: string) => (problems[f] ? t(problems[f]) : serverErrors[f]);

  const submit = () => {
    const r = traceSearch(d);
    setProblems(r.problems ?? {});
    if (r.search !== null) onTrace(r.search);
  };

  return (
    <Card withBorder>
      <form noValidate aria-label={t('accountability.form.title')} data-testid="trace-form" onSubmit={(e) => { e.preventDefault(); submit(); }}>
        <Stack gap="sm">
          <Group gap="sm" align="center">
            <Text size="sm" fw={500} id="trace-mode">{t('accountability.form.traceOf')}</Text>
            <SegmentedControl aria-labelledby="trace-mode" value={d.mode} onChange={(v) => set({ mode: v as TraceDraft['mode'] })} data-testid="trace-form-mode"
              data={[{ value: 'incident', label: t('accountability.form.incident') }, { value: 'place', label: t('accountability.form.placeWindow') }]} />
          </Group>
          <Group align="flex-start" grow>
            {d.mode === 'incident' ? (
              <Select label={t('accountability.form.incident')} description={t('accountability.form.incidentHint')} searchable data={incidentOptions} value={d.incidentId}
                onChange={(v) => set({ incidentId: v })} required error={errorOf('incidentId')} nothingFoundMessage={incidents.isPending ? t('common.loading') : t('accountability.form.noIncident')}
                data-testid="trace-form-incident" />
            ) : (
              <>
                <PlaceSearchSelect label={t('accountability.form.place')} value={d.placeId} onChange={(v) => set({ placeId: v })} error={errorOf('placeId')} testId="trace-form-place"
                  initialLabel={referenceName} />
                <TextInput type="datetime-local" label={t('accountability.form.from')} value={d.from} onChange={(e) => set({ from: e.currentTarget.value })} required
                  error={errorOf('from')} data-testid="trace-form-from" />
                <TextInput type="datetime-local" label={t('accountability.form.to')} value={d.to} onChange={(e) => set({ to: e.currentTarget.value })} required
                  error={errorOf('to')} data-testid="trace-form-to" />
              </>
            )}
            <NumberInput label={t('accountability.form.radius')} description={t('accountability.form.radiusHint', { max: MAX_RADIUS_M })} value={d.radiusM} onChange={(v) => set({ radiusM: v })}
              min={0} max={MAX_RADIUS_M} step={50} allowDecimal={false} suffix=" m" error={errorOf('radiusM')} data-testid="trace-form-radius" maw={220} />
          </Group>
          <Group justify="flex-end">
            <Button type="submit" leftSection={<IconSearch size={16} aria-hidden />} data-testid="trace-form-submit">{t('accountability.form.submit')}</Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
