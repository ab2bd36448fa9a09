import { Alert, Paper, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from '../../i18n/use-translation';
import { call, fb, problemText } from '../../api/http';
import { ErrorState, Loading } from '../../shell/States';
import { NewTokenForm, TokenTable } from './TokenParts';

const TOKENS_KEY = ['auth', 'tokens'] as const;

/**
 * My API tokens (`/auth/tokens`): for an integration or a script that calls the API as me. A token
 * carries no scopes of its own — it acts with my roles, except that it may not administer accounts —
 * so the form asks only a name and a lifetime.
 */
export function ApiTokensSection() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const tokens = useQuery({ queryKey: TOKENS_KEY, queryFn: () => call(fb.GET('/api/v1/auth/tokens')) });
  const refresh = () => void client.invalidateQueries({ queryKey: TOKENS_KEY });
  const revoke = useMutation({
    mutationFn: (id: string) => call(fb.DELETE('/api/v1/auth/tokens/{id}', { params: { path: { id } } })),
    onSuccess: refresh,
  });
  return (
    <Paper withBorder p="md" data-testid="account-tokens">
      <Stack>
        <Title order={3} size="h4">{t('account.tokens.title')}</Title>
        <Text size="sm" c="dimmed">{t('account.tokens.explain')}</Text>
        {tokens.isPending ? <Loading /> : tokens.isError ? <ErrorState error={tokens.error} onRetry={() => void tokens.refetch()} /> : (
          <TokenTable tokens={tokens.data} onRevoke={(id) => revoke.mutate(id)} revoking={revoke.isPending} />
        )}
        {revoke.isError && <Alert color="red" icon={<IconAlertTriangle aria-hidden />} role="alert">{problemText(revoke.error, t('errors.generic'))}</Alert>}
        <NewTokenForm title={t('account.tokens.create')} onCreated={refresh}
          create={(body) => call(fb.POST('/api/v1/auth/tokens', { body }))} />
      </Stack>
    </Paper>
  );
}
