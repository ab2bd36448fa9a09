import type { TransportPermit } from '@firebreak/contracts';
import { Alert, Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { call, fb, problemText } from '../../api/http';
import { useTranslation } from '../../i18n/use-translation';
import { refusalDetail } from '../staff/staff-list';
import { goodsKeys } from './api';

/**
 * Binds a permit issued without one to its vehicle's terminal (`PUT /goods/permits/{id}/terminal`):
 * from then on only that device account reports its fixes. The accounts offered are the enabled
 * device accounts the issuer sees, as in the permit form; the server checks the rest (`avl:report`
 * where the permit is supervised) and its refusal shows in the dialog. No unbinding: that would
 * reopen the permit to every reporter there (docs/security.md).
 */
export function BindPermitTerminalButton({ permit }: { permit: TransportPermit }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button size="xs" variant="light" onClick={() => setOpen(true)} data-testid="permit-bind-terminal">{t('goods.transport.bindTerminal')}</Button>
      {open && <BindPermitTerminalModal permit={permit} onClose={() => setOpen(false)} />}
    </>
  );
}

function BindPermitTerminalModal({ permit, onClose }: { permit: TransportPermit; onClose: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const staff = useQuery({ queryKey: ['staff', 'list'], queryFn: () => call(fb.GET('/api/v1/staff', { params: { query: { limit: 500 } } })) });
  const devices = (staff.data ?? []).filter((a) => a.kind === 'device' && !a.disabled);
  const [terminalId, setTerminal] = useState<string | null>(null);
  const bind = useMutation({
    mutationFn: (id: string) => call(fb.PUT('/api/v1/goods/permits/{id}/terminal', { params: { path: { id: permit.id } }, body: { terminalId: id } })),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: goodsKeys.all });
      onClose();
    },
  });
  const refusal = refusalDetail(bind.error);
  return (
    <Modal opened onClose={onClose} title={t('goods.transport.bindTitle')} closeButtonProps={{ 'aria-label': t('actions.close') }}>
      <Stack gap="sm" data-testid="permit-terminal-dialog">
        <Text size="sm" c="dimmed">{t('goods.transport.bindExplain')}</Text>
        <Select label={t('goods.transport.bindAccount')} searchable comboboxProps={{ withinPortal: true }} value={terminalId} onChange={setTerminal}
          data={devices.map((a) => ({ value: a.id, label: `${a.displayName} (${a.username})` }))} disabled={staff.isPending} data-testid="permit-terminal-account" />
        {(bind.isError || staff.isError) && (
          <Alert color="red" p="xs" role="alert" data-testid="permit-terminal-error">
            {problemText(bind.error ?? staff.error, t('errors.generic'))}
            {refusal && !problemText(bind.error, '').includes(refusal) && <Text size="xs" mt={4}>{t('staff.serverSaid', { detail: refusal })}</Text>}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>{t('actions.close')}</Button>
          <Button disabled={!terminalId} loading={bind.isPending} onClick={() => terminalId && bind.mutate(terminalId)} data-testid="permit-terminal-submit">{t('goods.transport.bindSubmit')}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
