import type { SupervisionSubject } from '@firebreak/contracts';
import { Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { IssueModal } from '../issue/IssueModal';
import { FindingsEditor } from './FindingsEditor';
import { SubjectPicker } from './SubjectPicker';
import { useRecordVisit } from './use-record-visit';
import { visitBody, type FindingDraft } from './visit-form';

/** Record a supervision visit of a place, a unit or a task; on success the new visit opens. */
export function RecordVisitModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const [subjectType, setSubjectType] = useState<SupervisionSubject>('place');
  const [subjectId, setSubjectId] = useState<string | null>(null);
  const [visitedAt, setVisitedAt] = useState('');
  const [summary, setSummary] = useState('');
  const [findings, setFindings] = useState<FindingDraft[]>([]);
  const record = useRecordVisit(onClose);
  // The fields this form shows an error under; a server error on anything else goes above the buttons.
  const shown = ['subjectType', 'subjectId', 'visitedAt', 'summary', ...findings.flatMap((_, i) => [`findings.${i}.description`, `findings.${i}.correction.title`, `findings.${i}.correction.grade`, `findings.${i}.correction.description`])];

  const submit = () => record.send(visitBody({ subjectType, subjectId, visitedAt, summary, findings }));

  return (
    <IssueModal title={t('supervision.form.title')} testId="visit-form" submitLabel={t('supervision.form.submit')} onSubmit={submit} onClose={onClose} pending={record.pending} error={record.unplaced(shown)}>
      <SubjectPicker kind={subjectType} onKind={setSubjectType} subjectId={subjectId} onSubject={setSubjectId} error={record.errorOf('subjectId') ?? record.errorOf('subjectType')} />
      <TextInput type="datetime-local" label={t('supervision.form.visitedAt')} description={t('supervision.form.visitedAtHint')} value={visitedAt} onChange={(e) => setVisitedAt(e.currentTarget.value)}
        error={record.errorOf('visitedAt')} data-testid="visit-form-visited-at" />
      <Textarea label={t('supervision.summary')} value={summary} onChange={(e) => setSummary(e.currentTarget.value)} autosize minRows={2} maxRows={8} required
        error={record.errorOf('summary')} data-testid="visit-form-summary" />
      <FindingsEditor findings={findings} onChange={setFindings} errorOf={record.errorOf} />
    </IssueModal>
  );
}
