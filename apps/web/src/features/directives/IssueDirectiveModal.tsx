import type { IssueDirectiveBody, IssuedDirective } from '@firebreak/contracts';
import { Button, Group, MultiSelect, Select, Textarea, TextInput } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { useJurisdictions } from '../../api/queries';
import { ErrorState, Loading } from '../../shell/States';
import { IssueModal } from '../issue/IssueModal';
import { belowOptions, directiveBody, isoToLocal } from '../issue/issue-form';
import { jurisdictionOptions } from '../../api/jurisdiction-names';
import { useIssue } from '../issue/use-issue';

const HOUR = 3_600_000;
const FIELDS = ['issuerJurisdictionId', 'title', 'content', 'requiredActions', 'targetJurisdictionIds', 'acknowledgeBy', 'reportBy'];

/** Issue a directive to jurisdictions below the issuer; on success the new directive opens. */
export function IssueDirectiveModal({ onClose }: { onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const tree = useJurisdictions();
  const issuers = useMemo(() => jurisdictionOptions(tree.data ?? [], i18n.language), [tree.data, i18n.language]);
  const [issuer, setIssuer] = useState<string | null>(null);
  const issuerId = issuer ?? issuers[0]?.value ?? null;
  const targets = useMemo(() => belowOptions(tree.data ?? [], issuerId, i18n.language), [tree.data, issuerId, i18n.language]);
  const [title, setTitle] = useState('');
  const [content, setContent] = useState('');
  const [requiredActions, setRequiredActions] = useState('');
  const [picked, setPicked] = useState<string[]>([]);
  const [acknowledgeBy, setAcknowledgeBy] = useState(() => isoToLocal(Date.now() + 2 * HOUR));
  const [reportBy, setReportBy] = useState(() => isoToLocal(Date.now() + 24 * HOUR));
  const issue = useIssue<IssueDirectiveBody, IssuedDirective>('/directives', ['directives'], FIELDS, onClose);
  // Targets chosen under another issuer are dropped, not sent to be refused.
  const targetIds = picked.filter((id) => targets.some((o) => o.value === id));

  const submit = () =>
    issue.send(directiveBody({ issuerJurisdictionId: issuerId, title, content, requiredActions, targetJurisdictionIds: targetIds, acknowledgeBy, reportBy }));

  return (
    <IssueModal title={t('issue.directiveTitle')} testId="directive-form" submitLabel={t('issue.directiveSubmit')} onSubmit={submit} onClose={onClose} pending={issue.pending} error={issue.unplaced}>
      {tree.isPending ? <Loading /> : tree.isError ? <ErrorState error={tree.error} onRetry={() => void tree.refetch()} /> : (
        <>
          <Select label={t('issue.issuer')} data={issuers} value={issuerId} onChange={setIssuer} searchable allowDeselect={false} required
            error={issue.errorOf('issuerJurisdictionId')} data-testid="directive-form-issuer" />
          <TextInput label={t('issue.title')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} maxLength={200} required data-autofocus
            error={issue.errorOf('title')} data-testid="directive-form-title" />
          <Textarea label={t('issue.content')} value={content} onChange={(e) => setContent(e.currentTarget.value)} autosize minRows={3} maxRows={10} required
            error={issue.errorOf('content')} data-testid="directive-form-content" />
          <Textarea label={t('issue.requiredActions')} description={t('issue.requiredActionsHint')} value={requiredActions} onChange={(e) => setRequiredActions(e.currentTarget.value)}
            autosize minRows={2} maxRows={8} required error={issue.errorOf('requiredActions')} data-testid="directive-form-actions" />
          <MultiSelect label={t('issue.targets')} data={targets} value={targetIds} onChange={setPicked} searchable clearable required hidePickedOptions
            nothingFoundMessage={t('issue.noneBelow')} error={issue.errorOf('targetJurisdictionIds')} data-testid="directive-form-targets" />
          <Group gap="xs">
            <Button size="compact-sm" variant="light" onClick={() => setPicked(targets.map((o) => o.value))} disabled={targets.length === 0} data-testid="directive-form-all-targets">
              {t('issue.allBelow', { count: targets.length })}
            </Button>
          </Group>
          <Group grow align="flex-start">
            <TextInput type="datetime-local" label={t('issue.acknowledgeBy')} value={acknowledgeBy} onChange={(e) => setAcknowledgeBy(e.currentTarget.value)} required
              error={issue.errorOf('acknowledgeBy')} data-testid="directive-form-acknowledge-by" />
            <TextInput type="datetime-local" label={t('issue.reportBy')} value={reportBy} onChange={(e) => setReportBy(e.currentTarget.value)} required
              error={issue.errorOf('reportBy')} data-testid="directive-form-report-by" />
          </Group>
        </>
      )}
    </IssueModal>
  );
}
