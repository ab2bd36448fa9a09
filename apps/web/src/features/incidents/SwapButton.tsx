import type { Assignment } from '@firebreak/contracts';
import { Alert, Button, Group, Popover, Select, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { call, fb, once, problemText } from '../../api/http';
import { keys, useRecommendations } from '../../api/queries';
import { formatClock } from '../../util/time';
import { swapCandidates } from './swap';

/**
 * "Swap": another unit takes this unit's place on the incident and the first one is released
 * (`POST /assignments/:id/reassign {unitId}`). The replacement is picked among the units the
 * recommendation offers, with their ETA; the form says what will happen before it is confirmed.
 */
export function SwapButton({ assignment: a }: { assignment: Assignment }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [opened, setOpened] = useState(false);
  const [unitId, setUnitId] = useState<string | null>(null);
  const rec = useRecommendations(a.incidentId, opened);
  // One key per swap: a retried click (lost answer) cannot send a second replacement.
  const idempotencyKey = useRef(crypto.randomUUID());
  const swap = useMutation({
    mutationFn: (replacement: string) => call(fb.POST('/api/v1/assignments/{id}/reassign', { params: { path: { id: a.id }, header: once(idempotencyKey.current) }, body: { unitId: replacement } })),
    onSuccess: () => {
      idempotencyKey.current = crypto.randomUUID();
      setOpened(false);
      setUnitId(null);
      void client.invalidateQueries({ queryKey: keys.assignments(a.incidentId) });
      void client.invalidateQueries({ queryKey: keys.incident(a.incidentId) });
      void client.invalidateQueries({ queryKey: keys.recommendations(a.incidentId) });
      void client.invalidateQueries({ queryKey: keys.units });
    },
  });
  const candidates = swapCandidates(rec.data, a.unitId);
  const options = candidates.map((r) => ({
    value: r.unitId,
    label: `${r.callSign} · ${t(`unitKind.${r.kind}`)} · ${r.etaSeconds === null ? t('dispatch.noRoute') : `${t('dispatch.eta')} ${formatClock(r.etaSeconds)}`}`,
  }));
  const chosen = candidates.find((r) => r.unitId === unitId);

  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" trapFocus withinPortal width={340}>
      <Popover.Target>
        <Button size="compact-sm" variant="subtle" onClick={() => setOpened((o) => !o)} aria-expanded={opened} data-testid="swap-button">
          {t('assignments.swap.open')}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="xs" data-testid="swap-form">
          <Text size="sm">{t('assignments.swap.hint', { callSign: a.callSign })}</Text>
          {rec.isError ? <Alert color="red" role="alert" p="xs">{problemText(rec.error, t('errors.generic'))}</Alert> : (
            <Select
              label={t('assignments.swap.target')}
              placeholder={rec.isPending ? t('assignments.swap.loading') : t('assignments.swap.pick')}
              data={options}
              value={unitId}
              onChange={setUnitId}
              searchable
              nothingFoundMessage={t('assignments.swap.none')}
              comboboxProps={{ withinPortal: false }}
              data-testid="swap-target"
            />
          )}
          {chosen && <Text size="sm" fw={600} data-testid="swap-confirm-text">{t('assignments.swap.confirm', { coming: chosen.callSign, leaving: a.callSign })}</Text>}
          {swap.isError && <Alert color="red" role="alert" p="xs">{problemText(swap.error, t('errors.generic'))}</Alert>}
          <Group justify="flex-end" gap="xs">
            <Button size="compact-sm" variant="default" onClick={() => setOpened(false)}>{t('assignments.swap.cancel')}</Button>
            <Button size="compact-sm" disabled={!chosen} loading={swap.isPending} onClick={() => chosen && swap.mutate(chosen.unitId)} data-testid="swap-submit">
              {t('assignments.swap.submit')}
            </Button>
          </Group>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
