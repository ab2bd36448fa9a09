import type { Campaign, CreateCampaignBody, PlaceCategory } from '@firebreak/contracts';
import { Group, MultiSelect, Select, TextInput } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { PLACE_CATEGORIES } from '../../api/enums';
import { useJurisdictions } from '../../api/queries';
import { ErrorState, Loading } from '../../shell/States';
import { IssueModal } from '../issue/IssueModal';
import { belowOptions, campaignBody, isoToLocal } from '../issue/issue-form';
import { jurisdictionOptions } from '../../api/jurisdiction-names';
import { useIssue } from '../issue/use-issue';

const DAY = 86_400_000;
const FIELDS = ['jurisdictionId', 'title', 'categories', 'scopeJurisdictionIds', 'startsAt', 'endsAt', 'dueAt'];

/**
 * Issue a hazard campaign: every key place of the chosen categories in scope gets an assignment.
 * No checklist is chosen here: inspectors answer the checklist(s) of each place's category.
 */
export function IssueCampaignModal({ onClose }: { onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const tree = useJurisdictions();
  const issuers = useMemo(() => jurisdictionOptions(tree.data ?? [], i18n.language), [tree.data, i18n.language]);
  const [issuer, setIssuer] = useState<string | null>(null);
  const jurisdictionId = issuer ?? issuers[0]?.value ?? null;
  const below = useMemo(() => belowOptions(tree.data ?? [], jurisdictionId, i18n.language), [tree.data, jurisdictionId, i18n.language]);
  const [title, setTitle] = useState('');
  const [categories, setCategories] = useState<PlaceCategory[]>([]);
  const [scope, setScope] = useState<string[]>([]);
  const [startsAt, setStartsAt] = useState(() => isoToLocal(Date.now()));
  const [endsAt, setEndsAt] = useState(() => isoToLocal(Date.now() + 30 * DAY));
  const [dueAt, setDueAt] = useState('');
  const issue = useIssue<CreateCampaignBody, Campaign>('/campaigns', ['campaigns'], FIELDS, onClose);
  const scopeIds = scope.filter((id) => below.some((o) => o.value === id));

  const submit = () => issue.send(campaignBody({ jurisdictionId, title, categories, scopeJurisdictionIds: scopeIds, startsAt, endsAt, dueAt }));

  return (
    <IssueModal title={t('issue.campaignTitle')} testId="campaign-form" submitLabel={t('issue.campaignSubmit')} onSubmit={submit} onClose={onClose} pending={issue.pending} error={issue.unplaced}>
      {tree.isPending ? <Loading /> : tree.isError ? <ErrorState error={tree.error} onRetry={() => void tree.refetch()} /> : (
        <>
          <Select label={t('issue.issuer')} data={issuers} value={jurisdictionId} onChange={setIssuer} searchable allowDeselect={false} required
            error={issue.errorOf('jurisdictionId')} data-testid="campaign-form-issuer" />
          <TextInput label={t('issue.title')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} maxLength={200} required data-autofocus
            error={issue.errorOf('title')} data-testid="campaign-form-title" />
          <MultiSelect label={t('issue.categories')} data={PLACE_CATEGORIES.map((c) => ({ value: c, label: t(`placeCategory.${c}`) }))} value={categories}
            onChange={(v) => setCategories(v as PlaceCategory[])} searchable clearable required hidePickedOptions
            error={issue.errorOf('categories')} data-testid="campaign-form-categories" />
          <MultiSelect label={t('issue.scope')} description={t('issue.scopeHint')} data={below} value={scopeIds} onChange={setScope} searchable clearable hidePickedOptions
            nothingFoundMessage={t('issue.noneBelow')} error={issue.errorOf('scopeJurisdictionIds')} data-testid="campaign-form-scope" />
          <Group grow align="flex-start">
            <TextInput type="datetime-local" label={t('issue.startsAt')} value={startsAt} onChange={(e) => setStartsAt(e.currentTarget.value)} required
              error={issue.errorOf('startsAt')} data-testid="campaign-form-starts-at" />
            <TextInput type="datetime-local" label={t('issue.endsAt')} value={endsAt} onChange={(e) => setEndsAt(e.currentTarget.value)} required
              error={issue.errorOf('endsAt')} data-testid="campaign-form-ends-at" />
          </Group>
          <TextInput type="datetime-local" label={t('issue.dueAt')} description={t('issue.dueAtHint')} value={dueAt} onChange={(e) => setDueAt(e.currentTarget.value)}
            error={issue.errorOf('dueAt')} data-testid="campaign-form-due-at" />
        </>
      )}
    </IssueModal>
  );
}
