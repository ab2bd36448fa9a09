import '@mantine/charts/styles.css';
import { Badge, Button, Group, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { useParams } from 'react-router';
import { useMe } from '../../api/queries';
import { ListDetailLayout, ListDetailRow } from '../../shell/ListDetailLayout';
import { IssueCampaignModal } from './IssueCampaignModal';
import { PhaseBadge } from './PhaseBadge';
import { useCampaigns } from './queries';
import { useJurisdictionNames } from '../../api/jurisdiction-names';

/** Hazard campaigns: the list on the left, the chosen campaign's coverage and assignments on the right. */
export default function CampaignsPage() {
  const { t, i18n } = useTranslation();
  const nameOf = useJurisdictionNames();
  const list = useCampaigns();
  const { id } = useParams();
  const canIssue = useMe().data?.permissions.includes('campaigns:manage') ?? false;
  const [issuing, setIssuing] = useState(false);

  return (
    <ListDetailLayout testId="campaigns" listTestId="campaign-list" listLabel={t('campaigns.list')} title={t('campaigns.title')}
      action={canIssue && <Button size="compact-sm" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => setIssuing(true)} data-testid="campaign-new">{t('campaigns.new')}</Button>}
      list={list} emptyTitle={t('campaigns.empty')} emptyHint={t('campaigns.emptyHint')} pickTitle={t('campaigns.pick')} chosen={Boolean(id)}
      overlay={issuing && <IssueCampaignModal onClose={() => setIssuing(false)} />}>
      {list.data?.map((c) => (
        <ListDetailRow key={c.id} to={`/campaigns/${c.id}`} testId="campaign-row" id={c.id}>
          <Group justify="space-between" wrap="nowrap" gap="xs">
            <Text fw={600} size="sm" lineClamp={2}>{c.title}</Text>
            <PhaseBadge campaign={c} />
          </Group>
          <Text size="xs" c="dimmed">{nameOf(c.issuerPath)} · {t('campaigns.places', { count: c.assignments })}</Text>
          <Text size="xs" c="dimmed">{t('campaigns.dueOn', { date: new Date(c.dueAt).toLocaleDateString(i18n.language) })}</Text>
          <Group gap={4} mt={4}>{c.categories.map((cat) => <Badge key={cat} size="xs" variant="outline">{t(`placeCategory.${cat}`)}</Badge>)}</Group>
        </ListDetailRow>
      ))}
    </ListDetailLayout>
  );
}
