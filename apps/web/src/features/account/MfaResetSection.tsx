import { Alert, Button, Group, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { call, fb, problemText } from '../../api/http';

/**
 * For administrators: reset a colleague's second factor (a lost phone). They enrol again at their
 * next sign-in, and their open sessions end. The server decides who is within reach.
 */
export function MfaResetSection({ myId }: { myId: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [picked, setPicked] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const staff = useQuery({ queryKey: ['staff', 'list'], queryFn: () => call(fb.GET('/api/v1/staff', { params: { query: { limit: 500 } } })) });
  const status = useQuery({ queryKey: ['staff', picked, 'mfa'], queryFn: () => call(fb.GET('/api/v1/staff/{id}/mfa', { params: { path: { id: picked! } } })), enabled: picked !== null });
  const reset = useMutation({
    mutationFn: () => call(fb.DELETE('/api/v1/staff/{id}/mfa', { params: { path: { id: picked! } } })),
    onSuccess: () => {
      setConfirming(false);
      void client.invalidateQueries({ queryKey: ['staff', picked, 'mfa'] });
    },
  });
  const options = (staff.data ?? [])
    .filter((m) => m.kind === 'staff' && m.id !== myId)
    .map((m) => ({ value: m.id, label: `${m.displayName} (${m.username})` }));
  return (
    <Paper withBorder p="md" data-testid="account-mfa-reset">
      <Stack>
        <Title order={3} size="h4">{t('account.reset.title')}</Title>
        <Text size="sm" c="dimmed">{t('account.reset.explain')}</Text>
        <Select label={t('account.reset.who')} data={options} value={picked} searchable maw={420}
          onChange={(v) => { setPicked(v); setConfirming(false); reset.reset(); }} data-testid="mfa-reset-who" />
        {picked && status.data && (
          <Text size="sm" data-testid="mfa-reset-state">{status.data.enrolled ? t('account.reset.enrolled') : t('account.reset.notEnrolled')}</Text>
        )}
        {reset.isError && <Alert color="red" icon={<IconAlertTriangle aria-hidden />} role="alert">{problemText(reset.error, t('errors.generic'))}</Alert>}
        {reset.isSuccess && <Alert color="green">{t('account.reset.done')}</Alert>}
        {picked && status.data?.enrolled && (
          confirming ? (
            <Group gap="xs">
              <Button color="red" loading={reset.isPending} onClick={() => reset.mutate()} data-testid="mfa-reset-confirm">{t('account.reset.confirm')}</Button>
              <Button variant="subtle" onClick={() => setConfirming(false)}>{t('actions.cancel')}</Button>
            </Group>
          ) : (
            <Button color="red" variant="light" w="fit-content" onClick={() => setConfirming(true)} data-testid="mfa-reset">{t('account.reset.action')}</Button>
          )
        )}
      </Stack>
    </Paper>
  );
}
