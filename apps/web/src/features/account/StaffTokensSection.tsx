import { Alert, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { call, fb, problemText } from '../../api/http';
import { ErrorState, Loading } from '../../shell/States';
import { NewTokenForm, TokenTable } from './TokenParts';

/**
 * For administrators: another account's API tokens (`/staff/{id}/tokens`), new ones for a device
 * account (a gateway, a bridge), and revoking one (`DELETE /staff/{id}/tokens/{tokenId}`: a stolen
 * device token, without disabling the device). The API lists and revokes for any account wholly
 * within reach, but mints only for devices (a person mints their own).
 */
export function StaffTokensSection({ myId }: { myId: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [picked, setPicked] = useState<string | null>(null);
  const staff = useQuery({ queryKey: ['staff', 'list'], queryFn: () => call(fb.GET('/api/v1/staff', { params: { query: { limit: 500 } } })) });
  const key = ['staff', picked, 'tokens'];
  const tokens = useQuery({ queryKey: key, queryFn: () => call(fb.GET('/api/v1/staff/{id}/tokens', { params: { path: { id: picked! } } })), enabled: picked !== null });
  const member = staff.data?.find((m) => m.id === picked);
  const revoke = useMutation({
    mutationFn: (tokenId: string) => call(fb.DELETE('/api/v1/staff/{id}/tokens/{tokenId}', { params: { path: { id: picked!, tokenId } } })),
    onSettled: () => void client.invalidateQueries({ queryKey: key }),
  });
  const options = (staff.data ?? []).filter((m) => m.id !== myId).map((m) => ({
    value: m.id,
    label: `${m.displayName} (${m.username})${m.kind === 'device' ? ` — ${t('account.staffTokens.device')}` : ''}`,
  }));
  return (
    <Paper withBorder p="md" data-testid="account-staff-tokens">
      <Stack>
        <Title order={3} size="h4">{t('account.staffTokens.title')}</Title>
        <Text size="sm" c="dimmed">{t('account.staffTokens.explain')}</Text>
        <Select label={t('account.staffTokens.who')} data={options} value={picked} searchable maw={420} onChange={setPicked} data-testid="staff-tokens-who" />
        {picked && (tokens.isPending ? <Loading /> : tokens.isError ? <ErrorState error={tokens.error} onRetry={() => void tokens.refetch()} /> : <TokenTable tokens={tokens.data} onRevoke={(id) => revoke.mutate(id)} revoking={revoke.isPending} />)}
        {revoke.isError && <Alert color="red" icon={<IconAlertTriangle aria-hidden />} role="alert">{problemText(revoke.error, t('errors.generic'))}</Alert>}
        {member?.kind === 'device' && (
          <NewTokenForm key={member.id} title={t('account.staffTokens.create')} onCreated={() => void client.invalidateQueries({ queryKey: key })}
            create={(body) => call(fb.POST('/api/v1/staff/{id}/tokens', { params: { path: { id: member.id } }, body }))} />
        )}
      </Stack>
    </Paper>
  );
}
