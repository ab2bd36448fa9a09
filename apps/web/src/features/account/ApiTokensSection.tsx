import { Alert, Button, Code, CopyButton, Group, NumberInput, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconAlertTriangle, IconCopy, IconKey } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { ApiError, call, fb, problemText } from '../../api/http';
import { ErrorState, Loading } from '../../shell/States';
import { fieldErrors } from '../issue/issue-form';

const TOKENS_KEY = ['auth', 'tokens'] as const;

/**
 * My API tokens (`/auth/tokens`): for an integration or a script that calls the API as me. A token
 * carries no scopes of its own — it acts with my roles, except that it may not administer accounts —
 * so the form asks only a name and a lifetime. The secret is shown once: the server keeps its hash.
 */
export function ApiTokensSection() {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const tokens = useQuery({ queryKey: TOKENS_KEY, queryFn: () => call(fb.GET('/api/v1/auth/tokens')) });
  const [name, setName] = useState('');
  const [days, setDays] = useState<number | string>('');
  const [secret, setSecret] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const refresh = () => void client.invalidateQueries({ queryKey: TOKENS_KEY });
  const create = useMutation({
    mutationFn: () => call(fb.POST('/api/v1/auth/tokens', { body: { name, ...(typeof days === 'number' ? { expiresInDays: days } : {}) } })),
    onSuccess: (made) => {
      setSecret(made.token);
      setName('');
      setDays('');
      refresh();
    },
  });
  const revoke = useMutation({
    mutationFn: (id: string) => call(fb.DELETE('/api/v1/auth/tokens/{id}', { params: { path: { id } } })),
    onSuccess: () => {
      setConfirming(null);
      refresh();
    },
  });
  // Refusals name the field (body.name, body.expiresInDays): shown under it, the rest above the form.
  const fields = create.error instanceof ApiError ? fieldErrors(create.error.problem?.errors) : {};
  const unplaced = create.isError && !fields.name && !fields.expiresInDays;
  const when = (iso: string) => new Date(iso).toLocaleString(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSecret(null);
    create.mutate();
  };

  return (
    <Paper withBorder p="md" data-testid="account-tokens">
      <Stack>
        <Title order={3} size="h4">{t('account.tokens.title')}</Title>
        <Text size="sm" c="dimmed">{t('account.tokens.explain')}</Text>
        {secret && (
          <Alert color="yellow" icon={<IconKey aria-hidden />} title={t('account.tokens.secretTitle')} data-testid="token-secret-panel">
            <Stack gap="xs">
              <Text size="sm">{t('account.tokens.secretWarning')}</Text>
              <Code block data-testid="token-secret">{secret}</Code>
              <Group gap="xs">
                <CopyButton value={secret}>
                  {({ copied, copy }) => (
                    <Button variant="light" size="xs" leftSection={<IconCopy size={14} aria-hidden />} onClick={copy} data-testid="token-copy">
                      {copied ? t('account.tokens.copied') : t('account.tokens.copy')}
                    </Button>
                  )}
                </CopyButton>
                <Button variant="subtle" size="xs" onClick={() => setSecret(null)} data-testid="token-secret-done">{t('account.tokens.secretDone')}</Button>
              </Group>
            </Stack>
          </Alert>
        )}
        {tokens.isPending ? <Loading /> : tokens.isError ? <ErrorState error={tokens.error} onRetry={() => void tokens.refetch()} /> : tokens.data.length === 0 ? (
          <Text size="sm" data-testid="tokens-none">{t('account.tokens.none')}</Text>
        ) : (
          <Table data-testid="tokens-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('account.tokens.name')}</Table.Th>
                <Table.Th>{t('account.tokens.created')}</Table.Th>
                <Table.Th>{t('account.tokens.expires')}</Table.Th>
                <Table.Th>{t('account.tokens.lastUsed')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {tokens.data.map((tok) => (
                <Table.Tr key={tok.id} data-testid="token-row" data-token-id={tok.id}>
                  <Table.Td>{tok.name}</Table.Td>
                  <Table.Td>{when(tok.createdAt)}</Table.Td>
                  <Table.Td>{when(tok.expiresAt)}</Table.Td>
                  <Table.Td data-testid="token-last-used">{tok.lastUsedAt ? when(tok.lastUsedAt) : t('account.tokens.never')}</Table.Td>
                  <Table.Td>
                    {confirming === tok.id ? (
                      <Group gap="xs" wrap="nowrap">
                        <Button size="xs" color="red" loading={revoke.isPending} onClick={() => revoke.mutate(tok.id)} data-testid="token-revoke-confirm">{t('account.tokens.revokeConfirm')}</Button>
                        <Button size="xs" variant="subtle" onClick={() => setConfirming(null)}>{t('actions.cancel')}</Button>
                      </Group>
                    ) : (
                      <Button size="xs" color="red" variant="light" onClick={() => { revoke.reset(); setConfirming(tok.id); }} data-testid="token-revoke">{t('account.tokens.revoke')}</Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {revoke.isError && <Alert color="red" icon={<IconAlertTriangle aria-hidden />} role="alert">{problemText(revoke.error, t('errors.generic'))}</Alert>}
        <Stack component="form" onSubmit={submit} gap="xs" maw={420} data-testid="token-create">
          <Title order={4} size="h5">{t('account.tokens.create')}</Title>
          {unplaced && <Alert color="red" icon={<IconAlertTriangle aria-hidden />} role="alert">{problemText(create.error, t('errors.generic'))}</Alert>}
          <TextInput label={t('account.tokens.name')} description={t('account.tokens.nameHint')} value={name} onChange={(e) => setName(e.currentTarget.value)}
            error={fields.name} data-testid="token-name" />
          <NumberInput label={t('account.tokens.days')} description={t('account.tokens.daysHint')} value={days} onChange={setDays} min={1} allowDecimal={false}
            clampBehavior="none" error={fields.expiresInDays} data-testid="token-days" />
          <Button type="submit" w="fit-content" loading={create.isPending} data-testid="token-create-submit">{t('account.tokens.createSubmit')}</Button>
        </Stack>
      </Stack>
    </Paper>
  );
}
