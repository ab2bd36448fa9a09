import type { Incident, UnitKind } from '@firebreak/contracts';
import { Alert, Button, Group, NumberInput, Paper, Select, Stack, Textarea } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { call, fb, once, problemText } from '../../api/http';
import { UNIT_KINDS } from '../settings/unit-kinds';
import { reinforcementKeys, useReinforcementTargets } from './api';
import { CAPABILITIES } from './capabilities';

const ABOVE = 'above';

/**
 * Asking for reinforcement: a unit kind and/or a capability, how many, whom (the level above, or a
 * neighbour by name) and how long each level has to answer. Prefilled from the run card's shortfall.
 */
export function RequestForm({ incident, prefill, onDone }: { incident: Incident; prefill: { kind: UnitKind | null; capability: string | null; count: number } | null; onDone: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const targets = useReinforcementTargets(incident.id, true);
  const [kind, setKind] = useState<string | null>(prefill?.kind ?? null);
  const [capability, setCapability] = useState<string | null>(prefill?.capability ?? null);
  const [count, setCount] = useState<number>(prefill?.count ?? 1);
  const [target, setTarget] = useState<string>(ABOVE);
  const [minutes, setMinutes] = useState<number>(2);
  const [note, setNote] = useState('');
  const key = useRef(crypto.randomUUID());
  // The Select answers a string: the body takes only a kind the server knows.
  const unitKind = UNIT_KINDS.find((k) => k === kind);
  const ask = useMutation({
    mutationFn: () => call(fb.POST('/api/v1/incidents/{id}/reinforcement-requests', {
      params: { path: { id: incident.id }, header: once(key.current) },
      body: {
        ...(unitKind ? { kind: unitKind } : {}), ...(capability ? { capability } : {}), count,
        target: target === ABOVE ? { to: 'above' } : { to: 'neighbour', jurisdictionId: target },
        timeoutSeconds: Math.round(minutes * 60), ...(note.trim() ? { note: note.trim() } : {}),
      },
    })),
    onSuccess: () => {
      key.current = crypto.randomUUID();
      void client.invalidateQueries({ queryKey: reinforcementKeys.ofIncident(incident.id) });
      onDone();
    },
  });
  const above = targets.data?.above;
  const options = [
    { value: ABOVE, label: above ? t('reinforcements.form.above', { name: above.name }) : t('reinforcements.form.aboveUnknown') },
    ...(targets.data?.neighbours ?? []).map((n) => ({ value: n.id, label: t('reinforcements.form.neighbour', { name: n.name }) })),
  ];
  return (
    <Paper withBorder p="sm" data-testid="reinforcement-form">
      <form onSubmit={(e) => { e.preventDefault(); if (!ask.isPending) ask.mutate(); }}>
        <Stack gap="xs">
          <Group grow align="flex-start">
            <Select label={t('reinforcements.form.kind')} placeholder={t('reinforcements.form.anyKind')} data={UNIT_KINDS.map((k) => ({ value: k, label: t(`unitKind.${k}`) }))}
              value={kind} onChange={setKind} clearable searchable data-testid="reinforcement-kind" />
            <Select label={t('reinforcements.form.capability')} placeholder={t('reinforcements.form.anyCapability')} data={CAPABILITIES.map((c) => ({ value: c, label: t(`reinforcements.capability.${c}`) }))}
              value={capability} onChange={setCapability} clearable searchable data-testid="reinforcement-capability" />
            <NumberInput label={t('reinforcements.form.count')} min={1} max={20} value={count} onChange={(v) => setCount(typeof v === 'number' ? v : 1)} data-testid="reinforcement-count" />
          </Group>
          <Group grow align="flex-start">
            <Select label={t('reinforcements.form.target')} data={options} value={target} onChange={(v) => setTarget(v ?? ABOVE)} allowDeselect={false} data-testid="reinforcement-target" />
            <NumberInput label={t('reinforcements.form.timeout')} description={t('reinforcements.form.timeoutHint')} min={0.5} max={60} step={0.5} decimalScale={1}
              value={minutes} onChange={(v) => setMinutes(typeof v === 'number' ? v : 2)} />
          </Group>
          <Textarea label={t('reinforcements.form.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={1} maxLength={2000} />
          {ask.isError && <Alert color="red" icon={<IconAlertTriangle aria-hidden />} role="alert">{problemText(ask.error, t('errors.generic'))}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={onDone}>{t('reinforcements.form.cancel')}</Button>
            <Button type="submit" color="orange" loading={ask.isPending} disabled={!kind && !capability} data-testid="reinforcement-send">{t('reinforcements.form.send')}</Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
