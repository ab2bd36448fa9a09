import type { Incident, IncidentDisposition } from '@firebreak/contracts';
import { Alert, Button, Group, Paper, Select, Stack, Text, Textarea } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { call, fb, once, problemText } from '../../api/http';
import { INCIDENT_DISPOSITIONS } from '../../api/enums';
import { keys, useMe } from '../../api/queries';

/** Who may close it, and whether it still can be: the button and the form both ask. */
function useMayClose(incident: Incident): boolean {
  const mayClose = useMe().data?.permissions.includes('dispatch:assign') ?? false;
  return mayClose && incident.state !== 'closed';
}

/** "Close incident": opens the closing form (CloseIncidentForm) in the detail's flow. */
export function CloseIncidentButton({ incident, opened, onToggle }: { incident: Incident; opened: boolean; onToggle: () => void }) {
  const { t } = useTranslation();
  if (!useMayClose(incident)) return null;
  return (
    <Button size="compact-sm" variant={opened ? 'light' : 'default'} leftSection={<IconCircleCheck size={16} aria-hidden />} onClick={onToggle}
      aria-expanded={opened} aria-controls="close-incident-form" data-testid="close-incident">
      {t('incident.closeIncident.open')}
    </Button>
  );
}

/**
 * The closing form: disposition and a note, once every unit has cleared or been cancelled (the
 * server refuses otherwise and says which units are still on it). It sits in the detail's flow
 * right below the units sent, not in a floating popover: when the server refuses, the Clear and
 * Cancel buttons it asks for stay in sight and clickable.
 */
export function CloseIncidentForm({ incident, unitsOnIt, onClose }: { incident: Incident; unitsOnIt: number; onClose: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [disposition, setDisposition] = useState<IncidentDisposition | null>(null);
  const [note, setNote] = useState('');
  // One key per closing: a retried click (lost answer) is answered as the first.
  const idempotencyKey = useRef(crypto.randomUUID());
  const mayClose = useMayClose(incident);
  const close = useMutation({
    mutationFn: (body: { disposition: IncidentDisposition; note?: string }) =>
      call(fb.POST('/api/v1/incidents/{id}/close', { params: { path: { id: incident.id }, header: once(idempotencyKey.current) }, body })),
    onSuccess: (closed) => {
      onClose();
      client.setQueryData(keys.incident(incident.id), closed);
      void client.invalidateQueries({ queryKey: keys.openIncidents });
      void client.invalidateQueries({ queryKey: keys.timeline(incident.id) });
    },
  });
  if (!mayClose) return null;
  const submit = () => disposition && close.mutate({ disposition, ...(note.trim() ? { note: note.trim() } : {}) });

  return (
    <Paper withBorder p="sm" id="close-incident-form" role="group" aria-label={t('incident.closeIncident.open')} data-testid="close-incident-form">
      <Stack gap="xs">
        {unitsOnIt > 0 && <Text size="sm" c="yellow.4">{t('incident.closeIncident.unitsOnIt', { count: unitsOnIt })}</Text>}
        <Select
          label={t('incident.closeIncident.disposition')}
          placeholder={t('incident.closeIncident.pick')}
          data={INCIDENT_DISPOSITIONS.map((d) => ({ value: d, label: t(`incident.dispositions.${d}`) }))}
          value={disposition}
          onChange={(v) => setDisposition(v as IncidentDisposition | null)}
          required
          data-autofocus
          data-testid="close-incident-disposition"
        />
        <Textarea label={t('incident.closeIncident.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={2} maxLength={2000} />
        {close.isError && <Alert color="red" role="alert" p="xs" data-testid="close-incident-error">{problemText(close.error, t('errors.generic'))}</Alert>}
        <Group justify="flex-end" gap="xs">
          <Button size="compact-sm" variant="default" onClick={onClose}>{t('actions.cancel')}</Button>
          <Button size="compact-sm" disabled={!disposition} loading={close.isPending} onClick={submit} data-testid="close-incident-submit">
            {t('incident.closeIncident.submit')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
