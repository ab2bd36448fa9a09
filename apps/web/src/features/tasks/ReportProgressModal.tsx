import type { ProgressReportBody } from '@firebreak/contracts';
import { FileInput, List, NumberInput, Text, Textarea } from '@mantine/core';
import { IconPaperclip } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { IssueModal } from '../issue/IssueModal';
import { EVIDENCE_TYPES, MAX_EVIDENCE_FILES, evidenceProblem, toBase64 } from './evidence';
import { call, fb, once } from '../../api/http';
import { useTaskCommand } from './use-task-command';

/** Report progress on a task without subtasks: percent, a note, up to four evidence files. */
export function ReportProgressModal({ taskId, title, percent: current, onClose }: { taskId: string; title: string; percent: number; onClose: () => void }) {
  const { t } = useTranslation();
  const [percent, setPercent] = useState<number | string>(Math.round(current));
  const [note, setNote] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const command = useTaskCommand(
    (body: ProgressReportBody, key) => call(fb.POST('/api/v1/tasks/{id}/reports', { params: { path: { id: taskId }, header: once(key) }, body })),
    onClose,
  );
  const fileProblems = files.map((f) => ({ f, problem: evidenceProblem(f) })).filter((x) => x.problem);

  const submit = async () => {
    const p = typeof percent === 'number' ? percent : Number.NaN;
    if (!Number.isInteger(p) || p < 0 || p > 100) return setProblem(t('tasks.reportForm.percentInvalid'));
    if (!note.trim()) return setProblem(t('tasks.reportForm.noteMissing'));
    if (files.length > MAX_EVIDENCE_FILES) return setProblem(t('tasks.reportForm.tooMany', { count: MAX_EVIDENCE_FILES }));
    if (fileProblems.length > 0) return setProblem(t('tasks.reportForm.fileRefused'));
    setProblem(null);
    const evidence = await Promise.all(files.map(async (f) => ({ filename: f.name, mediaType: f.type, contentBase64: toBase64(new Uint8Array(await f.arrayBuffer())) })));
    command.send({ percent: p, note: note.trim(), evidence });
  };

  return (
    <IssueModal title={t('tasks.reportForm.title', { title })} testId="task-report-form" submitLabel={t('tasks.reportForm.submit')}
      onSubmit={() => void submit()} onClose={onClose} pending={command.pending} error={problem ?? command.error}>
      <NumberInput label={t('tasks.reportForm.percent')} min={0} max={100} step={5} suffix="%" clampBehavior="strict" allowDecimal={false} required
        value={percent} onChange={setPercent} data-autofocus data-testid="task-report-percent" />
      <Textarea label={t('tasks.reportForm.note')} required autosize minRows={3} maxLength={5000} value={note} onChange={(e) => setNote(e.currentTarget.value)} data-testid="task-report-note" />
      <FileInput label={t('tasks.reportForm.files')} description={t('tasks.reportForm.filesHint', { count: MAX_EVIDENCE_FILES })} multiple clearable
        accept={EVIDENCE_TYPES.join(',')} value={files} onChange={setFiles} leftSection={<IconPaperclip size={16} aria-hidden />} placeholder={t('tasks.reportForm.pickFiles')}
        data-testid="task-report-files" />
      {fileProblems.length > 0 && (
        <List size="sm" c="red.4" data-testid="task-report-file-problems">
          {fileProblems.map(({ f, problem: why }) => <List.Item key={f.name}><Text span size="sm">{t(`tasks.reportForm.fileProblem.${why}`, { name: f.name })}</Text></List.Item>)}
        </List>
      )}
    </IssueModal>
  );
}
