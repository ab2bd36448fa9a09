import { Badge, Box, Button, Group, ScrollArea, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { IconAlertTriangle, IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet, useParams } from 'react-router';
import { api } from '../../api/http';
import { useMe } from '../../api/queries';
import type { DirectiveSummary } from '../../api/types';
import { EmptyState, ErrorState, Loading } from '../../shell/States';
import { IssueDirectiveModal } from './IssueDirectiveModal';

export const directiveKeys = {
  list: ['directives', 'list'] as const,
  one: (id: string) => ['directives', id] as const,
  rollup: (id: string, level: string | null) => ['directives', id, 'rollup', level] as const,
};

/** Directives issued in or sent to my scope: the list on the left, the chosen one's status on the right. */
export default function DirectivesPage() {
  const { t, i18n } = useTranslation();
  const list = useQuery({ queryKey: directiveKeys.list, queryFn: () => api<DirectiveSummary[]>('/directives?limit=200') });
  const { id } = useParams();
  const canIssue = useMe().data?.permissions.includes('directives:issue') ?? false;
  const [issuing, setIssuing] = useState(false);
  const now = Date.now();

  return (
    <Box style={{ display: 'flex', height: '100%' }} data-testid="directives">
      <Box component="nav" aria-label={t('directives.list')} style={{ width: 'min(24rem, 35vw)', borderRight: '1px solid var(--mantine-color-default-border)', display: 'flex', flexDirection: 'column', minHeight: 0 }}>
        <Group justify="space-between" wrap="nowrap" p="md" pb="xs">
          <Title order={2} size="h4">{t('directives.title')}</Title>
          {canIssue && <Button size="compact-sm" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => setIssuing(true)} data-testid="directive-new">{t('directives.new')}</Button>}
        </Group>
        {list.isPending ? <Loading /> : list.isError ? <ErrorState error={list.error} onRetry={() => void list.refetch()} /> : list.data.length === 0 ? (
          <EmptyState title={t('directives.empty')}>{t('directives.emptyHint')}</EmptyState>
        ) : (
          <ScrollArea style={{ flex: 1 }}>
            <Stack gap={0} data-testid="directive-list">
              {list.data.map((d) => {
                const reportDue = Date.parse(d.reportBy) <= now;
                return (
                  <NavLink key={d.id} to={`/directives/${d.id}`} style={{ textDecoration: 'none', color: 'inherit' }} data-testid="directive-row" data-id={d.id}>
                    {({ isActive }) => (
                      <UnstyledButton component="span" display="block" px="md" py="sm" aria-current={isActive ? 'page' : undefined}
                        style={{ borderLeft: `4px solid ${isActive ? 'var(--mantine-color-blue-5)' : 'transparent'}`, background: isActive ? 'var(--mantine-color-default-hover)' : undefined }}>
                        <Text fw={600} size="sm" lineClamp={2}>{d.title}</Text>
                        <Text size="xs" c="dimmed">{t('directives.from', { path: d.issuerPath })} · {new Date(d.issuedAt).toLocaleString(i18n.language, { dateStyle: 'short', timeStyle: 'short' })}</Text>
                        <Group gap={4} mt={2}>
                          <Text size="xs">{t('directives.reportBy', { date: new Date(d.reportBy).toLocaleString(i18n.language, { dateStyle: 'short', timeStyle: 'short' }) })}</Text>
                          {reportDue && <Badge size="xs" color="gray" variant="outline" leftSection={<IconAlertTriangle size={10} aria-hidden />}>{t('directives.pastDeadline')}</Badge>}
                        </Group>
                      </UnstyledButton>
                    )}
                  </NavLink>
                );
              })}
            </Stack>
          </ScrollArea>
        )}
      </Box>
      <Box style={{ flex: 1, minWidth: 0, overflow: 'auto' }}>
        {id ? <Outlet /> : list.data && list.data.length > 0 ? <EmptyState title={t('directives.pick')} /> : null}
      </Box>
      {issuing && <IssueDirectiveModal onClose={() => setIssuing(false)} />}
    </Box>
  );
}
