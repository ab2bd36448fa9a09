import { Alert, Button, Code, CopyButton, Group, NumberInput, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconAlertTriangle, IconCopy, IconKey } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { ApiError, problemText } from '../../api/http';
import { fieldErrors, wordedFields } from '../issue/issue-form';

export interface TokenRow { id: string; name: string; createdAt: string; expiresAt: string; lastUsedAt: string | null }
export interface NewToken { name: string; expiresInDays?: number }

/** A list of API tokens; with `onRevoke`, each row revokes after a confirm. */
export function TokenTable({ tokens, onRevoke, revoking }: { tokens: TokenRow[]; onRevoke?: (id: string) => void; revoking?: boolean }) {
  const { t, i18n } = useTranslation();
  const [confirming, setConfirming] = useState<string | null>(null);
  const when = (iso: string) => new Date(iso).toLocaleString(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  if (tokens.length === 0) return <Text size="sm" data-testid="tokens-none">{t('account.tokens.none')}</Text>;
  return (
    <Table data-testid="tokens-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('account.tokens.name')}</Table.Th>
          <Table.Th>{t('account.tokens.created')}</Table.Th>
          <Table.Th>{t('account.tokens.expires')}</Table.Th>
          <Table.Th>{t('account.tokens.lastUsed')}</Table.Th>
          {onRevoke && <Table.Th />}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {tokens.map((tok) => (
          <Table.Tr key={tok.id} data-testid="token-row">
            <Table.Td>{tok.name}</Table.Td>
            <Table.Td>{when(tok.createdAt)}</Table.Td>
            <Table.Td>{when(tok.expiresAt)}</Table.Td>
            <Table.Td data-testid="token-last-used">{tok.lastUsedAt ? when(tok.lastUsedAt) : t('account.tokens.never')}</Table.Td>
            {onRevoke && (
              <Table.Td>
                {confirming === tok.id ? (
                  <Group gap="xs" wrap="nowrap">
                    <Button size="xs" color="red" loading={revoking} onClick={() => onRevoke(tok.id)} data-testid="token-revoke-confirm">{t('account.tokens.revokeConfirm')}</Button>
                    <Button size="xs" variant="subtle" onClick={() => setConfirming(null)}>{t('actions.cancel')}</Button>
                  </Group>
                ) : (
                  <Button size="xs" color="red" variant="light" onClick={() => setConfirming(tok.id)} data-testid="token-revoke">{t('account.tokens.revoke')}</Button>
                )}
              </Table.Td>
            )}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/**
 * Name and lifetime of a new token, then its secret, shown once (the server keeps only its hash) with
 * a copy button. Refusals name the field (body.name, body.expiresInDays) and are shown under it.
 */
export function NewTokenForm({ create, onCreated, title }: { create: (body: NewToken) => Promise<{ token: string }>; onCreated: () => void; title: string }) {
  const { t, i18n } = useTranslation();
  const [name, setName] = useState('');
  const [days, setDays] = useState<number | string>('');
  const [secret, setSecret] = useState<string | null>(null);
  const run = useMutation({
    mutationFn: () => create({ name, ...(typeof days === 'number' ? { expiresInDays: days } : {}) }),
    onSuccess: (made) => {
      setSecret(made.token);
      setName('');
      setDays('');
      onCreated();
    },
  });
  // As the other forms do: the server's English field message, or in another language the code's words when the locale has them.
  const fields = run.error instanceof ApiError
    ? wordedFields(fieldErrors(run.error.problem?.errors), run.error.problem?.code, i18n.language, (key) => (i18n.exists(key) ? t(key) : null))
    : {};
  const unplaced = run.isError && !fields.name && !fields.expiresInDays;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSecret(null);
    run.mutate();
  };
  return (
    <Stack gap="xs">
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
      <Stack component="form" onSubmit={submit} gap="xs" maw={420} data-testid="token-create">
        <Title order={4} size="h5">{title}</Title>
        {unplaced && <Alert color="red" icon={<IconAlertTriangle aria-hidden />} role="alert">{problemText(run.error, t('errors.generic'))}</Alert>}
        <TextInput label={t('account.tokens.name')} description={t('account.tokens.nameHint')} value={name} onChange={(e) => setName(e.currentTarget.value)}
          error={fields.name} data-testid="token-name" />
        <NumberInput label={t('account.tokens.days')} description={t('account.tokens.daysHint')} value={days} onChange={setDays} min={1} allowDecimal={false}
          clampBehavior="none" error={fields.expiresInDays} data-testid="token-days" />
        <Button type="submit" w="fit-content" loading={run.isPending} data-testid="token-create-submit">{t('account.tokens.createSubmit')}</Button>
      </Stack>
    </Stack>
  );
}
