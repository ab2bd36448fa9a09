import type { CreateMutualAidBody, UnitKind } from '@firebreak/contracts';
import { MultiSelect, Select, Switch, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { ApiError, call, fb, once, problemText } from '../../api/http';
import type { JurisdictionNode } from '../../api/queries';
import { IssueModal } from '../issue/IssueModal';
import { fieldErrors } from '../issue/issue-form';
import { jurisdictionOptions } from '../../api/jurisdiction-names';
import { agreementBody, type AgreementProblems } from './agreement-form';
import { indexTree, settingsKeys } from './queries';
import { UNIT_KINDS } from './unit-kinds';

const FIELDS = ['providingJurisdictionId', 'requestingJurisdictionId', 'unitKinds', 'mutual', 'note'];

/** A new agreement: who lends, who borrows, which unit kinds, one way or both. */
export function AgreementFormModal({ tree, onClose }: { tree: readonly JurisdictionNode[]; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const options = useMemo(() => jurisdictionOptions(tree, i18n.language), [tree, i18n.language]);
  const index = useMemo(() => indexTree(tree), [tree]);
  const kindOptions = useMemo(() => UNIT_KINDS.map((k) => ({ value: k, label: t(`unitKind.${k}`) })), [t]);
  const [providing, setProviding] = useState<string | null>(null);
  const [requesting, setRequesting] = useState<string | null>(null);
  const [unitKinds, setUnitKinds] = useState<UnitKind[]>([]);
  const [mutual, setMutual] = useState(false);
  const [note, setNote] = useState('');
  const [local, setLocal] = useState<AgreementProblems>({});
  // A field's own problem goes once it is changed; the others stay until the next attempt.
  const edited = (field: string) => setLocal(({ [field]: _gone, ...rest }) => rest);
  // One key per opened form: a refused attempt is rolled back, so the corrected retry reuses it.
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const create = useMutation({
    mutationFn: (body: CreateMutualAidBody) => call(fb.POST('/api/v1/mutual-aid-agreements', { params: { header: once(idempotencyKey) }, body })),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: settingsKeys.agreements });
      onClose();
    },
  });
  const server = create.error instanceof ApiError ? fieldErrors(create.error.problem?.errors) : {};
  const errorOf = (field: string): string | undefined => (local[field] ? t(local[field]) : server[field]);
  // A failure no field shows: forbidden (no authority over one side), nested sides, network.
  const unplaced = create.error && !FIELDS.some((f) => server[f]) ? problemText(create.error, t('errors.generic')) : null;

  const submit = () => {
    if (create.isPending) return;
    const built = agreementBody({ providingJurisdictionId: providing, requestingJurisdictionId: requesting, unitKinds, mutual, note }, (id) => index.byId.get(id)?.path);
    if (built.problems) return setLocal(built.problems);
    setLocal({});
    create.mutate(built.body);
  };

  return (
    <IssueModal title={t('settings.aid.formTitle')} testId="aid-form" submitLabel={t('settings.aid.create')} onSubmit={submit} onClose={onClose} pending={create.isPending} error={unplaced}>
      <Select label={t('settings.aid.lender')} description={t('settings.aid.lenderHint')} data={options} value={providing} onChange={(v) => (setProviding(v), edited('providingJurisdictionId'))} searchable required
        error={errorOf('providingJurisdictionId')} data-testid="aid-form-providing" data-autofocus />
      <Select label={t('settings.aid.borrower')} description={t('settings.aid.borrowerHint')} data={options} value={requesting} onChange={(v) => (setRequesting(v), edited('requestingJurisdictionId'))} searchable required
        error={errorOf('requestingJurisdictionId')} data-testid="aid-form-requesting" />
      <MultiSelect label={t('settings.aid.kinds')} data={kindOptions} value={unitKinds} onChange={(v) => (setUnitKinds(v as UnitKind[]), edited('unitKinds'))} searchable clearable required hidePickedOptions
        error={errorOf('unitKinds')} data-testid="aid-form-kinds" />
      <Switch label={t('settings.aid.mutualLabel')} description={t('settings.aid.mutualHint')} checked={mutual} onChange={(e) => setMutual(e.currentTarget.checked)} data-testid="aid-form-mutual" />
      <Textarea label={t('settings.aid.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={2} maxRows={6} maxLength={2000}
        error={errorOf('note')} data-testid="aid-form-note" />
    </IssueModal>
  );
}
