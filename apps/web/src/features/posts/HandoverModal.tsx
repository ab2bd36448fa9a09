import type { HandoverBody, Post } from '@firebreak/contracts';
import { Checkbox, Select, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { call, fb, once, problemText } from '../../api/http';
import { IssueModal } from '../issue/IssueModal';
import { useStaffUnder } from './queries';
import { useJurisdictionNames } from '../../api/jurisdiction-names';

/** Hand the post to another staff member now (the current holding ends at the same instant), or leave it vacant. */
export function HandoverModal({ post, onClose }: { post: Post; onClose: () => void }) {
  const { t } = useTranslation();
  const nameOf = useJurisdictionNames();
  const client = useQueryClient();
  const staff = useStaffUnder(post.jurisdictionId, true);
  const [userId, setUserId] = useState<string | null>(null);
  const [vacate, setVacate] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const send = useMutation({
    mutationFn: (body: HandoverBody) => call(fb.POST('/api/v1/posts/{id}/handovers', { params: { path: { id: post.id }, header: once(idempotencyKey) }, body })),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['posts'] });
      onClose();
    },
  });
  const options = (staff.data ?? [])
    .filter((s) => s.kind === 'staff' && !s.disabled && s.id !== post.holder?.userId)
    .map((s) => ({ value: s.id, label: `${s.displayName} (${s.username}, ${nameOf(s.jurisdictionPath)})` }));

  const submit = () => {
    if (!vacate && !userId) return setProblem(t('posts.handoverForm.pickSomeone'));
    setProblem(null);
    if (!send.isPending) send.mutate({ userId: vacate ? null : userId });
  };

  return (
    <IssueModal title={t('posts.handoverForm.title', { title: post.title })} testId="post-handover-form" submitLabel={t('posts.handoverForm.submit')}
      onSubmit={submit} onClose={onClose} pending={send.isPending} error={problem ?? (send.error ? problemText(send.error, t('errors.generic')) : staff.isError ? problemText(staff.error, t('errors.generic')) : null)}>
      <Text size="sm">{post.holder ? t('posts.handoverForm.from', { name: post.holder.displayName }) : t('posts.handoverForm.fromVacant')}</Text>
      <Select label={t('posts.handoverForm.to')} searchable disabled={vacate} data={options} value={userId} onChange={setUserId} nothingFoundMessage={t('posts.handoverForm.nobody')}
        data-autofocus data-testid="post-handover-user" />
      {post.holder && <Checkbox label={t('posts.handoverForm.vacate')} checked={vacate} onChange={(e) => setVacate(e.currentTarget.checked)} data-testid="post-handover-vacate" />}
      <Text size="xs" c="dimmed">{t('posts.handoverForm.hint')}</Text>
    </IssueModal>
  );
}
