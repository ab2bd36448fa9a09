import type { Assignment } from '@firebreak/contracts';
import { Alert, Button, Group, Popover, Select, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { call, fb, once, problemText } from '../../api/http';
import { keys, useOpenIncidents } from '../../api/queries';
import { useJurisdictionNames } from '../../api/jurisdiction-names';

/** "Reassign": moves the sent unit to another open incident in one step (the old assignment ends). */
export function ReassignButton({ assignment: a }: { assignment: Assignment }) {
  const { t } = useTranslation();
  const nameOf = useJurisdictionNames();
  const client = useQueryClient();
  const [opened, setOpened] = useState(false);
  const [target, setTarget] = useState<string | null>(null);
  const open = useOpenIncidents();
  // One key per reassignment: a retried click (lost answer) cannot move the unit twice.
  const idempotencyKey = useRef(crypto.randomUUID());
  const move = useMutation({
    mutationFn: (incidentId: string) => call(fb.POST('/api/v1/assignments/{id}/reassign', { params: { path: { id: a.id }, header: once(idempotencyKey.current) }, body: { incidentId } })),
    onSuccess: (r) => {
      idempotencyKey.current = crypto.randomUUID();
      setOpened(false);
      setTarget(null);
      for (const id of [r.ended.incidentId, r.started.incidentId]) {
        void client.invalidateQueries({ queryKey: keys.assignments(id) });
        void client.invalidateQueries({ queryKey: keys.incident(id) });
      }
      void client.invalidateQueries({ queryKey: keys.units });
    },
  });
  const options = (open.data ?? [])
    .filter((i) => i.id !== a.incidentId && i.duplicateOf === null)
    .sort((x, y) => x.priority.localeCompare(y.priority) || y.receivedAt.localeCompare(x.receivedAt))
    .map((i) => ({ value: i.id, label: `${i.priority} ${t(`incidentType.${i.type}`)} — ${i.address ?? nameOf(i.jurisdictionPath)}` }));

  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" trapFocus withinPortal width={320}>
      <Popover.Target>
        <Button size="compact-sm" variant="subtle" onClick={() => setOpened((o) => !o)} aria-expanded={opened} data-testid="reassign-button">
          {t('assignments.reassign.open')}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="xs" data-testid="reassign-form">
          <Text size="sm">{t('assignments.reassign.hint', { callSign: a.callSign })}</Text>
          <Select
            label={t('assignments.reassign.target')}
            placeholder={open.isPending ? t('assignments.reassign.loading') : t('assignments.reassign.pick')}
            data={options}
            value={target}
            onChange={setTarget}
            searchable
            nothingFoundMessage={t('assignments.reassign.none')}
            comboboxProps={{ withinPortal: false }}
            data-testid="reassign-target"
          />
          {move.isError && <Alert color="red" role="alert" p="xs">{problemText(move.error, t('errors.generic'))}</Alert>}
          <Group justify="flex-end" gap="xs">
            <Button size="compact-sm" variant="default" onClick={() => setOpened(false)}>{t('assignments.reassign.cancel')}</Button>
            <Button size="compact-sm" disabled={!target} loading={move.isPending} onClick={() => target && move.mutate(target)} data-testid="reassign-submit">
              {t('assignments.reassign.submit')}
            </Button>
          </Group>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
