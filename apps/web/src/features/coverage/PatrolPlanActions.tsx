import type { PatrolPlan } from '@firebreak/contracts';
import { Badge, Button, Group, Modal, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, fb, once } from '../../api/http';
import { ErrorState } from '../../shell/States';
import { clockSpan, localToday, spanOn, windowsOn } from './patrol';

/** The local `HH:MM-HH:MM` of a span, as the planner typed it (the edit form starts from it). */
function typedSpan(w: { start: string; end: string }): string {
  const hhmm = (iso: string) => { const d = new Date(iso); return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`; };
  return `${hhmm(w.start)}-${hhmm(w.end)}`;
}

/**
 * A commander's changes to a plan: edit it (title, shift, each post's name and windows, on the
 * version read: a plan someone else changed meanwhile is refused, not overwritten) and cancel it
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
      {editing && <EditPlan plan={plan} onDone={(p) => { setEditing(false); onChanged(p); }} onDiscard={() => setEditing(false)} />}
      <CancelPlan plan={plan} opened={cancelling} onClose={() => setCancelling(false)} onCancelled={(p) => { setCancelling(false); onChanged(p); }} />
    </Stack>
  );
}

function EditPlan({ plan, onDone, onDiscard }: { plan: PatrolPlan; onDone: (p: PatrolPlan) => void; onDiscard: () => void }) {
  const { t } = useTranslation();
  const date = localToday(new Date(plan.shiftStart));
  const [title, setTitle] = useState(plan.title);
  const [shift, setShift] = useState(typedSpan({ start: plan.shiftStart, end: plan.shiftEnd }));
  const [posts, setPosts] = useState(plan.posts.map((p) => ({ id: p.id, name: p.name, location: p.location, windows: p.windows.map(typedSpan).join(', ') })));
  const shiftSpan = spanOn(date, shift);
  const spans = posts.map((p) => windowsOn(date, p.windows));
  const key = useRef(crypto.randomUUID());
  const save = useMutation({
    mutationFn: () => call(fb.PATCH('/api/v1/coverage/patrol-plans/{id}', {
      params: { path: { id: plan.id }, header: once(key.current) },
      body: {
        expectedVersion: plan.version, title, shiftStart: shiftSpan!.start, shiftEnd: shiftSpan!.end,
        posts: posts.map((p, i) => ({ id: p.id, name: p.name, location: p.location, windows: spans[i]! })),
      },
    })),
    onSuccess: (p) => { key.current = crypto.randomUUID(); onDone(p); },
  });
  const readable = shiftSpan !== null && spans.every((s) => s !== null) && title.trim() !== '' && posts.every((p) => p.name.trim() !== '');
  return (
    <Stack gap={6} p="xs" style={{ border: '1px solid var(--mantine-color-gray-4)', borderRadius: 4 }} data-testid="patrol-edit-form">
      <Text fw={600} size="sm">{t('coverage.patrol.editTitle')}</Text>
      <Group gap="sm" align="flex-end" wrap="wrap">
        <TextInput label={t('coverage.patrol.planTitle')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} w={280} data-testid="patrol-edit-title" />
        <TextInput label={t('coverage.patrol.shift')} value={shift} onChange={(e) => setShift(e.currentTarget.value)} w={140} error={shiftSpan ? undefined : t('coverage.window.problem.format')} data-testid="patrol-edit-shift" />
      </Group>
      {posts.map((p, i) => (
        <Group key={p.id} gap="sm" align="flex-end" wrap="wrap">
          <TextInput label={t('coverage.patrol.postName', { n: i + 1 })} value={p.name} w={220} onChange={(e) => { const name = e.currentTarget.value; setPosts((all) => all.map((q, j) => (j === i ? { ...q, name } : q))); }} />
          <TextInput label={t('coverage.patrol.postWindows', { post: p.name })} value={p.windows} w={260} error={spans[i] ? undefined : t('coverage.window.problem.format')} data-testid="patrol-edit-windows"
            onChange={(e) => { const windows = e.currentTarget.value; setPosts((all) => all.map((q, j) => (j === i ? { ...q, windows } : q))); }} />
        </Group>
      ))}
      <Text size="xs" c="dimmed">{t('coverage.patrol.editRule')}</Text>
      {save.isError && <ErrorState error={save.error} />}
      <Group gap="xs">
        <Button size="xs" onClick={() => save.mutate()} disabled={!readable} loading={save.isPending} data-testid="patrol-edit-save">{t('coverage.patrol.save')}</Button>
        <Button size="xs" variant="subtle" onClick={onDiscard}>{t('coverage.patrol.discard')}</Button>
      </Group>
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

/** A cancelled plan says so, loudly, with when, by whom and why. */
export function CancelledNote({ plan, meId }: { plan: PatrolPlan; meId: string | undefined }) {
  const { t, i18n } = useTranslation();
  if (plan.state !== 'cancelled') return null;
  const at = `${new Date(plan.cancelledAt!).toLocaleDateString(i18n.language)} ${clockSpan({ start: plan.cancelledAt!, end: plan.cancelledAt! }, i18n.language).split('–')[0]}`;
  const by = plan.cancelledBy === meId ? t('coverage.patrol.cancelledByYou') : t('coverage.patrol.cancelledBySomeone');
  return (
    <Group gap="xs" data-testid="patrol-cancelled">
      <Badge color="red" variant="filled">{t('coverage.patrol.cancelled')}</Badge>
      <Text size="sm">{t('coverage.patrol.cancelledNote', { at, by, reason: plan.cancelReason })}</Text>
    </Group>
  );
}
