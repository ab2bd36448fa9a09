import '@mantine/charts/styles.css';
import { Badge, Box, Button, Group, ScrollArea, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet, useParams } from 'react-router';
import { useMe } from '../../api/queries';
import { EmptyState, ErrorState, Loading } from '../../shell/States';
import { IssueCampaignModal } from './IssueCampaignModal';
import { PhaseBadge } from './PhaseBadge';
import { useCampaigns } from './queries';

/** Hazard campaigns: the list on the left, the chosen campaign's coverage and assignments on the right. */
export default function CampaignsPage() {
  const { t, i18n } = useTranslation();
  const list = useCampaigns();
  const { id } = useParams();
  const canIssue = useMe().data?.permissions.includes('campaigns:manage') ?? false;
  const [issuing, setIssuing] = useState(false);

  return (
    <Box style={{ display: 'flex', height: '100%' }} data-testid="campaigns">
      <Box component="nav" aria-label={t('campaigns.list')} style={{ width: 'min(24rem, 35vw)', borderRight: '1px solid var(--mantine-color-default-border)', display: 'flex', flexDirection: 'column', minHeight: 0 }}>
        <Group justify="space-between" wrap="nowrap" p="md" pb="xs">
          <Title order={2} size="h4">{t('campaigns.title')}</Title>
          {canIssue && <Button size="compact-sm" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => setIssuing(true)} data-testid="campaign-new">{t('campaigns.new')}</Button>}
        </Group>
        {list.isPending ? <Loading /> : list.isError ? <ErrorState error={list.error} onRetry={() => void list.refetch()} /> : list.data.length === 0 ? (
          <EmptyState title={t('campaigns.empty')}>{t('campaigns.emptyHint')}</EmptyState>
        ) : (
          <ScrollArea style={{ flex: 1 }}>
            <Stack gap={0} data-testid="campaign-list">
              {list.data.map((c) => (
                <NavLink key={c.id} to={`/campaigns/${c.id}`} style={{ textDecoration: 'none', color: 'inherit' }} data-testid="campaign-row" data-id={c.id}>
                  {({ isActive }) => (
                    <UnstyledButton component="span" display="block" px="md" py="sm" aria-current={isActive ? 'page' : undefined}
                      style={{ borderLeft: `4px solid ${isActive ? 'var(--mantine-color-blue-5)' : 'transparent'}`, background: isActive ? 'var(--mantine-color-default-hover)' : undefined }}>
                      <Group justify="space-between" wrap="nowrap" gap="xs">
                        <Text fw={600} size="sm" lineClamp={2}>{c.title}</Text>
                        <PhaseBadge campaign={c} />
                      </Group>
                      <Text size="xs" c="dimmed">{c.issuerPath} · {t('campaigns.places', { count: c.assignments })}</Text>
                      <Text size="xs" c="dimmed">{t('campaigns.dueOn', { date: new Date(c.dueAt).toLocaleDateString(i18n.language) })}</Text>
                      <Group gap={4} mt={4}>{c.categories.map((cat) => <Badge key={cat} size="xs" variant="outline">{t(`placeCategory.${cat}`)}</Badge>)}</Group>
                    </UnstyledButton>
                  )}
                </NavLink>
              ))}
            </Stack>
          </ScrollArea>
        )}
      </Box>
      <Box style={{ flex: 1, minWidth: 0, overflow: 'auto' }}>
        {id ? <Outlet /> : list.data && list.data.length > 0 ? <EmptyState title={t('campaigns.pick')} /> : null}
      </Box>
      {issuing && <IssueCampaignModal onClose={() => setIssuing(false)} />}
    </Box>
  );
}
