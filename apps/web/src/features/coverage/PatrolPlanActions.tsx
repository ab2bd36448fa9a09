import type { PatrolPlan } from '@firebreak/contracts';
import { Badge, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { call, fb, once } from '../../api/http';
import { ErrorState } from '../../shell/States';
import { clockSpan } from './patrol';
import { PatrolPlanEditForm } from './PatrolPlanEditForm';

/**
 * A commander's changes to a plan: edit it (`PatrolPlanEditForm`: title, date and shift, posts
 * added, removed and renamed with their windows, on the version read: a plan someone else changed
 * meanwhile is refused, not overwritten) and cancel it
 * (with a confirm and a reason). The server keeps the rule on what may change once the shift has
 * begun; its refusal is shown in the form.
 */
export function PatrolPlanActions({ plan, onChanged }: { plan: PatrolPlan; onChanged: (p: PatrolPlan) => void }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  return (
    <Stack gap="xs">
      <Group gap="xs">
        <Button size="xs" variant="light" onClick={() => setEditing((e) => !e)} data-testid="patrol-edit">{t('coverage.patrol.edit')}</Button>
        <Button size="xs" variant="light" color="red" onClick={() => setCancelling(true)} data-testid="patrol-cancel">{t('coverage.patrol.cancel')}</Button>
      </Group>
      {editing && <PatrolPlanEditForm plan={plan} onDone={(p) => { setEditing(false); onChanged(p); }} onDiscard={() => setEditing(false)} />}
      <CancelPlan plan={plan} opened={cancelling} onClose={() => setCancelling(false)} onCancelled={(p) => { setCancelling(false); onChanged(p); }} />
    </Stack>
  );
}

function CancelPlan({ plan, opened, onClose, onCancelled }: { plan: PatrolPlan; opened: boolean; onClose: () => void; onCancelled: (p: PatrolPlan) => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const key = useRef(crypto.randomUUID());
  const cancel = useMutation({
    mutationFn: () => call(fb.POST('/api/v1/coverage/patrol-plans/{id}/cancel', { params: { path: { id: plan.id }, header: once(key.current) }, body: { reason } })),
    onSuccess: onCancelled,
  });
  return (
    <Modal opened={opened} onClose={onClose} title={t('coverage.patrol.cancelTitle')} data-testid="patrol-cancel-dialog">
      <Stack gap="sm">
        <Text size="sm">{plan.title}</Text>
        <Text size="sm" c="dimmed">{t('coverage.patrol.cancelHint')}</Text>
        <Textarea label={t('coverage.patrol.cancelReason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} required autosize minRows={2} data-autofocus data-testid="patrol-cancel-reason" />
        {cancel.isError && <ErrorState error={cancel.error} />}
        <Group justify="flex-end" gap="xs">
          <Button variant="subtle" onClick={onClose}>{t('coverage.patrol.keep')}</Button>
          <Button color="red" onClick={() => cancel.mutate()} disabled={reason.trim() === ''} loading={cancel.isPending} data-testid="patrol-cancel-confirm">{t('coverage.patrol.cancelConfirm')}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** A cancelled plan says so, loudly, with when, by whom (the staff member's name; "(you)" after one's own) and why. */
export function CancelledNote({ plan, meId }: { plan: PatrolPlan; meId: string | undefined }) {
  const { t, i18n } = useTranslation();
  if (plan.state !== 'cancelled') return null;
  const at = `${new Date(plan.cancelledAt!).toLocaleDateString(i18n.language)} ${clockSpan({ start: plan.cancelledAt!, end: plan.cancelledAt! }, i18n.language).split('–')[0]}`;
  const name = plan.cancelledByName ?? t('coverage.patrol.cancelledBySomeone');
  const by = plan.cancelledBy === meId ? t('coverage.patrol.cancelledByMe', { name }) : name;
  return (
    <Group gap="xs" data-testid="patrol-cancelled">
      <Badge color="red" variant="filled">{t('coverage.patrol.cancelled')}</Badge>
      <Text size="sm">{t('coverage.patrol.cancelledNote', { at, by, reason: plan.cancelReason })}</Text>
    </Group>
  );
}
