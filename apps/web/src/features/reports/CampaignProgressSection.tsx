import { Card, Group, Select, Stack, Title } from '@mantine/core';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { useMe } from '../../api/queries';
import { EmptyState, ErrorState, Loading } from '../../shell/States';
import { useCampaigns } from '../campaigns/queries';

const CampaignProgressChart = lazy(() => import('../campaigns/CampaignProgressChart'));

/**
 * The reports' "campaign progress": one campaign's per-day chart for the jurisdiction chosen at
 * the top of the reports. Shown only to those who read places (campaigns are about places).
 */
export function CampaignProgressSection({ jurisdictionId }: { jurisdictionId: string | null }) {
  const { t } = useTranslation();
  const mayRead = useMe().data?.permissions.includes('places:read') ?? false;
  const campaigns = useCampaigns(mayRead);
  const [picked, setPicked] = useState<string | null>(null);
  if (!mayRead) return null;
  const list = campaigns.data ?? [];
  // The latest campaign that has started, unless one is picked.
  const now = new Date().toISOString();
  const chosen = picked ?? [...list].reverse().find((c) => c.startsAt <= now)?.id ?? list.at(-1)?.id ?? null;

  return (
    <Stack gap="xs" data-testid="reports-campaign-progress">
      <Group justify="space-between">
        <Title order={3} size="h4">{t('campaignProgress.section')}</Title>
        {list.length > 0 && (
          <Select label={t('campaignProgress.campaign')} placeholder={t('campaignProgress.pick')} data={list.map((c) => ({ value: c.id, label: c.title }))}
            value={chosen} onChange={setPicked} searchable allowDeselect={false} miw={280} data-testid="reports-campaign" />
        )}
      </Group>
      {campaigns.isPending ? <Loading /> : campaigns.isError ? <ErrorState error={campaigns.error} onRetry={() => void campaigns.refetch()} /> : chosen === null ? (
        <Card withBorder><EmptyState title={t('campaignProgress.noCampaigns')} /></Card>
      ) : (
        <Suspense fallback={<Loading />}><CampaignProgressChart campaignId={chosen} jurisdictionId={jurisdictionId} /></Suspense>
      )}
    </Stack>
  );
}
