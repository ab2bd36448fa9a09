import type { CreateTaskBody, Post, Task } from '@firebreak/contracts';
import { NumberInput, Select, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { useNavigate } from 'react-router';
import { IssueModal } from '../issue/IssueModal';
import { isoToLocal, localToIso } from '../issue/issue-form';
import { postOptions } from './post-options';
import { call, fb, once } from '../../api/http';
import { useTaskCommand } from './use-task-command';

/** Break a task down: a subtask for a post at or under the task's level, due no later than the task. */
export function SubtaskModal({ parent, posts, onClose }: { parent: Task; posts: readonly Post[]; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [ownerPostId, setOwner] = useState<string | null>(null);
  const [title, setTitle] = useState('');
  const [due, setDue] = useState(() => isoToLocal(Date.parse(parent.dueAt)));
  const [weight, setWeight] = useState<number | string>(1);
  const [problem, setProblem] = useState<string | null>(null);
  const command = useTaskCommand((body: CreateTaskBody, key) => call(fb.POST('/api/v1/tasks', { params: { header: once(key) }, body })), (created) => {
    onClose();
    void navigate(`/tasks/${created.id}`);
  });
  const options = postOptions(posts, parent.jurisdictionPath, null, t('posts.vacant'));

  const submit = () => {
    const dueAt = localToIso(due);
    if (!ownerPostId) return setProblem(t('tasks.subtaskForm.ownerMissing'));
    if (!title.trim()) return setProblem(t('tasks.subtaskForm.titleMissing'));
    if (!dueAt) return setProblem(t('tasks.subtaskForm.dueMissing'));
    if (dueAt > parent.dueAt) return setProblem(t('tasks.subtaskForm.dueLate'));
    const w = typeof weight === 'number' ? weight : 1;
    setProblem(null);
    command.send({ parentTaskId: parent.id, ownerPostId, title: title.trim(), dueAt, weight: w });
  };

  return (
    <IssueModal title={t('tasks.subtaskForm.title', { title: parent.title })} testId="task-subtask-form" submitLabel={t('tasks.subtaskForm.submit')}
      onSubmit={submit} onClose={onClose} pending={command.pending} error={problem ?? command.error}>
      <Select label={t('tasks.subtaskForm.owner')} required searchable data={options} value={ownerPostId} onChange={setOwner} nothingFoundMessage={t('tasks.noPosts')}
        data-autofocus data-testid="task-subtask-owner" />
      <TextInput label={t('tasks.subtaskForm.taskTitle')} required maxLength={500} value={title} onChange={(e) => setTitle(e.currentTarget.value)} data-testid="task-subtask-title" />
      <TextInput type="datetime-local" label={t('tasks.subtaskForm.due')} required value={due} onChange={(e) => setDue(e.currentTarget.value)} data-testid="task-subtask-due" />
      <NumberInput label={t('tasks.subtaskForm.weight')} description={t('tasks.subtaskForm.weightHint')} min={1} max={1000} allowDecimal={false} value={weight} onChange={setWeight} data-testid="task-subtask-weight" />
    </IssueModal>
  );
}
