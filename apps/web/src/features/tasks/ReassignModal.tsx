import type { Post, ReassignTaskBody, Task } from '@firebreak/contracts';
import { Select, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { IssueModal } from '../issue/IssueModal';
import { postOptions } from './post-options';
import { call, fb, once } from '../../api/http';
import { useTaskCommand } from './use-task-command';

/** Hand the task to another post (the server checks it lies under the level the task was handed down from). */
export function ReassignModal({ task, parentPath, posts, onClose }: { task: Task; parentPath: string | null; posts: readonly Post[]; onClose: () => void }) {
  const { t } = useTranslation();
  const [ownerPostId, setOwner] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const command = useTaskCommand(
    (body: ReassignTaskBody, key) => call(fb.POST('/api/v1/tasks/{id}/reassignment', { params: { path: { id: task.id }, header: once(key) }, body })),
    onClose,
  );
  const options = postOptions(posts, parentPath, task.ownerPostId, t('posts.vacant'));

  const submit = () => {
    if (!ownerPostId) return setProblem(t('tasks.reassignForm.ownerMissing'));
    if (!reason.trim()) return setProblem(t('tasks.reassignForm.reasonMissing'));
    setProblem(null);
    command.send({ ownerPostId, reason: reason.trim() });
  };

  return (
    <IssueModal title={t('tasks.reassignForm.title', { title: task.title })} testId="task-reassign-form" submitLabel={t('tasks.reassignForm.submit')}
      onSubmit={submit} onClose={onClose} pending={command.pending} error={problem ?? command.error}>
      <Select label={t('tasks.reassignForm.owner')} required searchable data={options} value={ownerPostId} onChange={setOwner} nothingFoundMessage={t('tasks.noPosts')}
        data-autofocus data-testid="task-reassign-owner" />
      <Textarea label={t('tasks.reassignForm.reason')} required autosize minRows={2} maxLength={2000} value={reason} onChange={(e) => setReason(e.currentTarget.value)} data-testid="task-reassign-reason" />
    </IssueModal>
  );
}
