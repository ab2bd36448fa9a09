import type { Unit } from '@firebreak/contracts';
import { Alert, Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { call, fb, problemText } from '../../api/http';
import { keys } from '../../api/queries';
import { useTranslation } from '../../i18n/use-translation';
import { refusalDetail } from '../staff/staff-list';

/**
 * Binds a unit to the device account that reports its fixes, or unbinds it
 * (`PUT /units/{id}/terminal`). The choices are the server's (`GET /units/{id}/terminal-choices`:
 * the same rule the bind applies), and whatever it refuses shows here in its words: the dialog
 * guesses nothing. Bound, a unit takes HTTP fixes from that account alone (docs/security.md).
 */
export function UnitTerminalModal({ unit, onClose }: { unit: Unit; onClose: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const choicesKey = ['units', 'terminal-choices', unit.id];
  const choices = useQuery({ queryKey: choicesKey, queryFn: () => call(fb.GET('/api/v1/units/{id}/terminal-choices', { params: { path: { id: unit.id } } })) });
  const [picked, setPicked] = useState<string | null>(null);
  const bind = useMutation({
    mutationFn: (terminalId: string | null) => call(fb.PUT('/api/v1/units/{id}/terminal', { params: { path: { id: unit.id } }, body: { terminalId } })),
    onSuccess: (r) => {
      // The stream brings the same change (units.terminal_bound); writing it now saves the wait.
      client.setQueryData<Unit[]>(keys.units, (held) => held?.map((u) => (u.id === r.unitId ? { ...u, terminalId: r.terminalId } : u)));
      setPicked(null);
      void client.invalidateQueries({ queryKey: choicesKey });
    },
  });
  const bound = choices.data?.bound ?? null;
  const candidates = choices.data?.candidates ?? [];
  const label = (a: { username: string; displayName: string }) => `${a.displayName} (${a.username})`;
  const refusal = refusalDetail(bind.error);

  return (
    <Modal opened onClose={onClose} title={t('units.terminal.title', { callSign: unit.callSign })} closeButtonProps={{ 'aria-label': t('actions.close') }}>
      <Stack gap="sm" data-testid="unit-terminal-dialog">
        <Text size="sm" c="dimmed">{t('units.terminal.explain')}</Text>
        {choices.isError && <Alert color="red" role="alert">{problemText(choices.error, t('errors.generic'))}</Alert>}
        <Text size="sm" fw={600} data-testid="unit-terminal-current" data-bound={bound?.id ?? ''}>
          {bound ? t('units.terminal.current', { name: label(bound) }) : t('units.terminal.none')}
        </Text>
        <Select label={t('units.terminal.account')} description={t('units.terminal.accountHint')} searchable clearable comboboxProps={{ withinPortal: true }}
          data={candidates.filter((a) => a.id !== bound?.id).map((a) => ({ value: a.id, label: label(a) }))} value={picked} onChange={setPicked}
          disabled={choices.isPending} data-testid="unit-terminal-account" />
        {choices.isSuccess && candidates.length === 0 && <Text size="xs" c="dimmed" data-testid="unit-terminal-no-candidates">{t('units.terminal.noCandidates')}</Text>}
        {bind.isError && (
          <Alert color="red" p="xs" icon={<IconAlertTriangle size={14} aria-hidden />} role="alert" data-testid="unit-terminal-error">
            {problemText(bind.error, t('errors.generic'))}
            {refusal && !problemText(bind.error, '').includes(refusal) && <Text size="xs" mt={4}>{t('staff.serverSaid', { detail: refusal })}</Text>}
          </Alert>
        )}
        {bind.isSuccess && !bind.isPending && <Text size="xs" c="green" data-testid="unit-terminal-saved">{t('units.terminal.saved')}</Text>}
        <Group justify="space-between">
          <Button variant="default" color="red" disabled={!bound} loading={bind.isPending && bind.variables === null} onClick={() => bind.mutate(null)} data-testid="unit-terminal-unbind">
            {t('units.terminal.unbind')}
          </Button>
          <Group gap="xs">
            <Button variant="default" onClick={onClose} data-testid="unit-terminal-close">{t('actions.close')}</Button>
            <Button disabled={!picked} loading={bind.isPending && bind.variables !== null} onClick={() => picked && bind.mutate(picked)} data-testid="unit-terminal-bind">
              {t('units.terminal.bind')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </Modal>
  );
}
