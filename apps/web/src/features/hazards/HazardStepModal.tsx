import type { Hazard, HazardActionBody } from '@firebreak/contracts';
import type { Evidence } from '../../api/types';
import { Checkbox, FileInput, SegmentedControl, Select, Text, Textarea, TextInput } from '@mantine/core';
import { IconPhoto } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { call, callPath, fb, once } from '../../api/http';
import { localName } from '../../api/jurisdiction-names';
import { useJurisdictions, useMe, type JurisdictionNode } from '../../api/queries';
import { IssueModal } from '../issue/IssueModal';
import { fieldErrors, isoToLocal, localToIso } from '../issue/issue-form';
import { useCommandForm, type FormProblems } from '../issue/use-command-form';
import { EVIDENCE_TYPES, evidenceProblem, toBase64 } from '../tasks/evidence';
import { supervisionLevels, type HazardAction } from './hazard-actions';
import { stepBody, type StepDraft } from './hazard-forms';

const DAY = 86_400_000;
type Built<B> = { body: B; problems: null } | { body: null; problems: FormProblems };

/** What one step sends: its command, and for a fix or a photo the files first (each its own evidence command). */
interface StepRequest { files: File[]; caption: string; path: string | null; body: unknown }

async function upload(hazardId: string, files: File[], caption: string, key: string): Promise<Evidence[]> {
  const out: Evidence[] = [];
  for (const [i, f] of files.entries()) {
    const body = { filename: f.name, mediaType: f.type, contentBase64: toBase64(new Uint8Array(await f.arrayBuffer())), ...(caption.trim() ? { caption: caption.trim() } : {}) };
    // One key per file of this opened form: a retry after a failure further on does not store a file twice.
    out.push(await call(fb.POST('/api/v1/hazards/{id}/evidence', { params: { path: { id: hazardId }, header: once(`${key}-${i}`) }, body })));
  }
  return out;
}

/**
 * One step of a hazard's rectification in a form: start (plan, interim controls, stop use), hand in
 * the fix with photos, verify or reject it, close, ask for a later deadline or decide that request,
 * add a photo. Problems show under their field, the server's too.
 */
export function HazardStepModal({ hazard, action, onClose }: { hazard: Hazard; action: HazardAction; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const [draft, setDraft] = useState<StepDraft>({ plan: '', controls: '', stopUse: false, note: '' });
  const [files, setFiles] = useState<File[]>([]);
  const [caption, setCaption] = useState('');
  const [dueAt, setDueAt] = useState(() => isoToLocal(Date.parse(hazard.dueAt) + 7 * DAY));
  const [approve, setApprove] = useState<'approve' | 'deny'>('approve');
  const me = useMe().data;
  const tree = useJurisdictions().data;
  const levels = useMemo(() => {
    const byPath = new Map<string, JurisdictionNode>();
    const walk = (nodes: readonly JurisdictionNode[]) => nodes.forEach((n) => { byPath.set(n.path, n); walk(n.children); });
    walk(tree ?? []);
    return supervisionLevels(hazard.jurisdictionPath, me?.grants.map((g) => g.jurisdictionPath) ?? []).flatMap((p) => (byPath.has(p) ? [{ value: byPath.get(p)!.id, label: localName(byPath.get(p)!, i18n.language) }] : []));
  }, [tree, me, hazard.jurisdictionPath, i18n.language]);
  const [level, setLevel] = useState<string | null>(null);
  const levelId = level ?? levels.at(-1)?.value ?? null;
  const form = useCommandForm<StepRequest, unknown>(
    async (req, key) => {
      if (req.files.length > 0) await upload(hazard.id, req.files, req.caption, key);
      return req.path ? callPath(req.path, { body: req.body, idempotencyKey: key }) : null;
    },
    fieldErrors,
    () => {
      void client.invalidateQueries({ queryKey: ['hazards'] });
      void client.invalidateQueries({ queryKey: ['place'] });
      onClose();
    },
  );
  const set = (patch: Partial<StepDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const badFile = files.map((f) => evidenceProblem(f)).find(Boolean);

  const build = (): Built<StepRequest> => {
    if (badFile) return { body: null, problems: { files: `hazardWork.fileProblem.${badFile}` } };
    switch (action) {
      case 'addEvidence':
        return files.length === 0 ? { body: null, problems: { files: 'hazardWork.problems.fileMissing' } } : { body: { files, caption, path: null, body: null }, problems: null };
      case 'requestExtension': {
        const iso = localToIso(dueAt);
        if (!draft.note.trim()) return { body: null, problems: { reason: 'hazardWork.problems.noteMissing' } };
        if (!iso || iso <= hazard.dueAt) return { body: null, problems: { requestedDueAt: 'hazardWork.problems.notLater' } };
        return { body: { files: [], caption: '', path: `/hazards/${hazard.id}/extensions`, body: { reason: draft.note.trim(), requestedDueAt: iso } }, problems: null };
      }
      case 'supervise':
        return levelId ? { body: { files: [], caption: '', path: `/hazards/${hazard.id}/supervision`, body: { jurisdictionId: levelId } }, problems: null } : { body: null, problems: { jurisdictionId: 'hazardWork.problems.levelMissing' } };
      case 'decideExtension':
        return { body: { files: [], caption: '', path: `/hazards/${hazard.id}/extensions/decision`, body: { approve: approve === 'approve', ...(draft.note.trim() ? { note: draft.note.trim() } : {}) } }, problems: null };
      default: {
        const built = stepBody(action, hazard.grade, draft);
        if (!built.body) return built;
        return { body: { files: action === 'submit' ? files : [], caption, path: `/hazards/${hazard.id}/actions`, body: built.body satisfies HazardActionBody }, problems: null };
      }
    }
  };

  const noteField = { submit: 'fixNote', reject: 'reason', verify: 'note', requestExtension: 'reason', decideExtension: 'note' } as Partial<Record<HazardAction, string>>;
  const photos = action === 'submit' || action === 'addEvidence';
  const pending = hazard.extensions.find((e) => e.state === 'pending');
  const shown = ['rectificationPlan', 'interimControls', 'fixNote', 'reason', 'note', 'requestedDueAt', 'files', 'caption', 'jurisdictionId'];

  return (
    <IssueModal title={t(`hazardWork.step.${action}.title`, { title: hazard.title })} testId="hazard-step-form" submitLabel={t(`hazardWork.step.${action}.submit`)}
      onSubmit={() => form.send(build())} onClose={onClose} pending={form.pending} error={form.unplaced(shown)}>
      <Text size="sm" c="dimmed">{t(`hazardWork.step.${action}.hint`)}</Text>
      {action === 'start' && (
        <>
          <Textarea label={t('hazardWork.plan')} required={hazard.grade === 'major'} autosize minRows={2} maxLength={4000} value={draft.plan} onChange={(e) => set({ plan: e.currentTarget.value })}
            error={form.errorOf('rectificationPlan')} data-autofocus data-testid="hazard-step-plan" />
          <Textarea label={t('hazardWork.controls')} required={hazard.grade === 'major'} autosize minRows={2} maxLength={4000} value={draft.controls} onChange={(e) => set({ controls: e.currentTarget.value })}
            error={form.errorOf('interimControls')} data-testid="hazard-step-controls" />
          <Checkbox label={t('hazardWork.stopUse')} checked={draft.stopUse} onChange={(e) => set({ stopUse: e.currentTarget.checked })} data-testid="hazard-step-stop-use" />
        </>
      )}
      {action === 'decideExtension' && pending && (
        <>
          <Text size="sm" data-testid="hazard-step-pending">{t('hazardWork.pendingRequest', { date: new Date(pending.requestedDueAt).toLocaleString(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }), reason: pending.reason })}</Text>
          <SegmentedControl value={approve} onChange={(v) => setApprove(v as 'approve' | 'deny')} data-testid="hazard-step-decision"
            data={[{ value: 'approve', label: t('hazardWork.approve') }, { value: 'deny', label: t('hazardWork.deny') }]} />
        </>
      )}
      {action === 'supervise' && (
        <Select label={t('hazardWork.supervisingLevel')} required data={levels} value={levelId} onChange={setLevel} allowDeselect={false}
          error={form.errorOf('jurisdictionId')} data-autofocus data-testid="hazard-step-level" />
      )}
      {action === 'requestExtension' && (
        <TextInput type="datetime-local" label={t('hazardWork.requestedDueAt')} required value={dueAt} onChange={(e) => setDueAt(e.currentTarget.value)}
          error={form.errorOf('requestedDueAt')} data-testid="hazard-step-due" />
      )}
      {noteField[action] && (
        <Textarea label={t(`hazardWork.step.${action}.note`)} required={action !== 'decideExtension'} autosize minRows={2} maxLength={4000} value={draft.note}
          onChange={(e) => set({ note: e.currentTarget.value })} error={form.errorOf(noteField[action])} data-autofocus={action !== 'requestExtension' || undefined} data-testid="hazard-step-note" />
      )}
      {photos && (
        <>
          <FileInput label={t('hazardWork.photos')} description={t('hazardWork.photosHint')} multiple clearable accept={EVIDENCE_TYPES.join(',')} value={files} onChange={setFiles}
            leftSection={<IconPhoto size={16} aria-hidden />} placeholder={t('hazardWork.pickPhotos')} required={action === 'addEvidence'} error={form.errorOf('files')} data-testid="hazard-step-files" />
          <TextInput label={t('hazardWork.caption')} maxLength={500} value={caption} onChange={(e) => setCaption(e.currentTarget.value)} error={form.errorOf('caption')} data-testid="hazard-step-caption" />
        </>
      )}
    </IssueModal>
  );
}
