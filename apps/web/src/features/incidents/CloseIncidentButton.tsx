import type { Incident, IncidentDisposition } from '@firebreak/contracts';
import { Alert, Button, Group, Popover, Select, Stack, Text, Textarea } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, problemText } from '../../api/http';
import { INCIDENT_DISPOSITIONS } from '../../api/enums';
import { keys, useMe } from '../../api/queries';

/**
 * "Close incident": with its disposition and a note, once every unit has cleared or been
 * cancelled (the server refuses otherwise and says which units are still on it).
 */
export function CloseIncidentButton({ incident, unitsOnIt }: { incident: Incident; unitsOnIt: number }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [opened, setOpened] = useState(false);
  const [disposition, setDisposition] = useState<IncidentDisposition | null>(null);
  const [note, setNote] = useState('');
  // One key per closing: a retried click (lost answer) is answered as the first.
  const idempotencyKey = useRef(crypto.randomUUID());
  const mayClose = useMe().data?.permissions.includes('dispatch:assign') ?? false;
  const close = useMutation({
    mutationFn: (body: { disposition: IncidentDisposition; note?: string }) =>
      api<Incident>(`/incidents/${incident.id}/close`, { body, idempotencyKey: idempotencyKey.current }),
    onSuccess: (closed) => {
      setOpened(false);
      client.setQueryData(keys.incident(incident.id), closed);
      void client.invalidateQueries({ queryKey: keys.openIncidents });
      void client.invalidateQueries({ queryKey: keys.timeline(incident.id) });
    },
  });
  if (incident.state === 'closed' || !mayClose) return null;
  const submit = () => disposition && close.mutate({ disposition, ...(note.trim() ? { note: note.trim() } : {}) });

  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" trapFocus withinPortal width={340}>
      <Popover.Target>
        <Button size="compact-sm" variant="default" leftSection={<IconCircleCheck size={16} aria-hidden />} onClick={() => setOpened((o) => !o)} aria-expanded={opened} data-testid="close-incident">
          {t('incident.closeIncident.open')}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="xs" data-testid="close-incident-form">
          {unitsOnIt > 0 && <Text size="sm" c="yellow.4">{t('incident.closeIncident.unitsOnIt', { count: unitsOnIt })}</Text>}
          <Select
            label={t('incident.closeIncident.disposition')}
            placeholder={t('incident.closeIncident.pick')}
            data={INCIDENT_DISPOSITIONS.map((d) => ({ value: d, label: t(`incident.dispositions.${d}`) }))}
            value={disposition}
            onChange={(v) => setDisposition(v as IncidentDisposition | null)}
            comboboxProps={{ withinPortal: false }}
            required
            data-testid="close-incident-disposition"
          />
          <Textarea label={t('incident.closeIncident.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={2} maxLength={2000} />
          {close.isError && <Alert color="red" role="alert" p="xs">{problemText(close.error, t('errors.generic'))}</Alert>}
          <Group justify="flex-end" gap="xs">
            <Button size="compact-sm" variant="default" onClick={() => setOpened(false)}>{t('actions.cancel')}</Button>
            <Button size="compact-sm" disabled={!disposition} loading={close.isPending} onClick={submit} data-testid="close-incident-submit">
              {t('incident.closeIncident.submit')}
            </Button>
          </Group>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
