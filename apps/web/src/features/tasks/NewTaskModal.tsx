import type { Directive, Post, Task } from '@firebreak/contracts';
import { NumberInput, Select, Text, TextInput } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { useNavigate } from 'react-router';
import { call, fb, once } from '../../api/http';
import { useMe } from '../../api/queries';
import { IssueModal } from '../issue/IssueModal';
import { fieldErrors, isoToLocal } from '../issue/issue-form';
import { useCommandForm } from '../issue/use-command-form';
import { useJurisdictionNames } from '../../api/jurisdiction-names';
import { breakdownPosts, breakdownRoots, newTaskBody, type NewTaskDraft } from './new-task';
import { postOptions } from './post-options';

/**
 * A directive broken down into a task for a post (the top of its decomposition; subtasks are
 * handed down from the task's own screen). Opened from the directive (fixed) or from the task
 * list (the directive chosen here, among those I can break down).
 */
export function NewTaskModal({ directive: fixed, posts, onClose }: { directive?: Directive; posts: readonly Post[]; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const me = useMe().data;
  const navigate = useNavigate();
  const client = useQueryClient();
  const list = useQuery({ queryKey: ['directives', 'list'], enabled: !fixed, queryFn: () => call(fb.GET('/api/v1/directives', { params: { query: { limit: 200 } } })) });
  const [draft, setDraft] = useState<NewTaskDraft>(() => ({ directiveId: fixed?.id ?? null, ownerPostId: null, title: '', dueAt: fixed ? isoToLocal(Date.parse(fixed.reportBy)) : '', weight: 1 }));
  const set = (patch: Partial<NewTaskDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const chosen = useQuery({
    queryKey: ['directives', draft.directiveId ?? ''],
    enabled: !fixed && draft.directiveId !== null,
    queryFn: () => call(fb.GET('/api/v1/directives/{id}', { params: { path: { id: draft.directiveId! } } })),
  });
  const directive = fixed ?? chosen.data;
  const managePaths = useMemo(() => (me?.permissions.includes('tasks:manage') ? me.grants.map((g) => g.jurisdictionPath) : []), [me]);
  const roots = useMemo(() => breakdownRoots(directive?.targets.map((x) => x.jurisdictionPath) ?? [], managePaths), [directive, managePaths]);
  const nameOf = useJurisdictionNames();
  const options = postOptions(breakdownPosts(posts, roots), null, null, t('posts.vacant'), nameOf);
  const form = useCommandForm<NonNullable<ReturnType<typeof newTaskBody>['body']>, Task>(
    (body, key) => call(fb.POST('/api/v1/tasks', { params: { header: once(key) }, body })),
    fieldErrors,
    (task) => {
      void client.invalidateQueries({ queryKey: ['tasks'] });
      onClose();
      void navigate(`/tasks/${task.id}`);
    },
  );

  return (
    <IssueModal title={fixed ? t('taskWork.newFor', { title: fixed.title }) : t('taskWork.new')} testId="task-new-form" submitLabel={t('taskWork.submit')}
      onSubmit={() => form.send(newTaskBody(draft, Date.now()))} onClose={onClose} pending={form.pending} error={form.unplaced(['directiveId', 'ownerPostId', 'title', 'dueAt', 'weight'])}>
      <Text size="sm" c="dimmed">{t('taskWork.hint')}</Text>
      {!fixed && (
        <Select label={t('taskWork.directive')} required searchable value={draft.directiveId}
          onChange={(v) => {
            const d = list.data?.find((x) => x.id === v);
            set({ directiveId: v, ownerPostId: null, ...(d && !draft.dueAt ? { dueAt: isoToLocal(Date.parse(d.reportBy)) } : {}) });
          }}
          data={(list.data ?? []).filter((d) => Date.parse(d.reportBy) > Date.now()).map((d) => ({ value: d.id, label: d.title }))} nothingFoundMessage={t('taskWork.noDirectives')}
          error={form.errorOf('directiveId')} data-autofocus data-testid="task-new-directive" />
      )}
      <Select label={t('tasks.subtaskForm.owner')} required searchable data={options} value={draft.ownerPostId} onChange={(v) => set({ ownerPostId: v })}
        nothingFoundMessage={t('tasks.noPosts')} disabled={!directive} error={form.errorOf('ownerPostId')} data-autofocus={fixed ? true : undefined} data-testid="task-new-owner" />
      {directive && options.length === 0 && <Text size="xs" c="dimmed" data-testid="task-new-no-posts">{t('taskWork.noPostsHint')}</Text>}
      <TextInput label={t('tasks.subtaskForm.taskTitle')} required maxLength={500} value={draft.title} onChange={(e) => set({ title: e.currentTarget.value })} error={form.errorOf('title')} data-testid="task-new-title" />
      <TextInput type="datetime-local" label={t('tasks.subtaskForm.due')} required value={draft.dueAt} onChange={(e) => set({ dueAt: e.currentTarget.value })} error={form.errorOf('dueAt')}
        description={directive ? t('taskWork.reportBy', { date: new Date(directive.reportBy).toLocaleString(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }) }) : undefined} data-testid="task-new-due" />
      <NumberInput label={t('tasks.subtaskForm.weight')} description={t('taskWork.weightHint')} min={1} max={1000} allowDecimal={false} value={draft.weight} onChange={(v) => set({ weight: v })}
        error={form.errorOf('weight')} data-testid="task-new-weight" />
    </IssueModal>
  );
}
