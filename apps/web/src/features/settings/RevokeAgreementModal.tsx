import type { MutualAidAgreement } from '@firebreak/contracts';
import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { call, fb, once, problemText } from '../../api/http';
import { settingsKeys } from './queries';

/** Asks before ending an agreement: it takes effect on the borrower's next request. */
export function RevokeAgreementModal({ agreement, nameOf, onClose }: { agreement: MutualAidAgreement; nameOf: (path: string) => string; onClose: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const revoke = useMutation({
    mutationFn: () => call(fb.POST('/api/v1/mutual-aid-agreements/{id}/revoke', { params: { path: { id: agreement.id }, header: once(idempotencyKey) } })),
    // Refused too (e.g. already ended by the other side): the list rereads what holds now.
    onSettled: () => void client.invalidateQueries({ queryKey: settingsKeys.agreements }),
    onSuccess: onClose,
  });
  const mutual = agreement.mutual;
  const names = { from: nameOf(agreement.providingJurisdictionPath), to: nameOf(agreement.requestingJurisdictionPath) };
  return (
    <Modal opened onClose={onClose} title={t('settings.aid.revokeTitle')} closeButtonProps={{ 'aria-label': t('actions.cancel') }}>
      <Stack gap="sm" data-testid="aid-revoke-dialog">
        <Text size="sm">{t(mutual ? 'settings.aid.revokeMutual' : 'settings.aid.revokeOneWay', names)}</Text>
        <Text size="sm" c="dimmed">{t('settings.aid.revokeNote')}</Text>
        {revoke.error && (
          <Alert color="red" icon={<IconAlertTriangle size={16} aria-hidden />} data-testid="aid-revoke-error">{problemText(revoke.error, t('errors.generic'))}</Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} data-autofocus>{t('actions.cancel')}</Button>
          <Button color="red" loading={revoke.isPending} onClick={() => revoke.mutate()} data-testid="aid-revoke-confirm">{t('settings.aid.revokeConfirm')}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
