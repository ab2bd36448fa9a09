import type { RecoveryCodes } from '@firebreak/contracts';
import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconShieldCheck, IconShieldOff } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { call, fb } from '../../api/http';
import { RecoveryCodesPanel } from '../../auth/mfa/RecoveryCodesPanel';
import { TotpEnrolment } from '../../auth/mfa/TotpEnrolment';
import { ErrorState, Loading } from '../../shell/States';
import { ReauthForm } from './ReauthForm';

const MFA_KEY = ['auth', 'mfa'] as const;

type Mode = 'idle' | 'enrol' | 'regenerate' | 'disable' | { codes: string[] };

/** My two-factor sign-in: turn it on, get new recovery codes, or turn it off (when no role of mine requires it). */
export function MfaSection() {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const status = useQuery({ queryKey: MFA_KEY, queryFn: () => call(fb.GET('/api/v1/auth/mfa')) });
  const [mode, setMode] = useState<Mode>('idle');
  const refresh = () => void client.invalidateQueries({ queryKey: MFA_KEY });
  const showCodes = (r: RecoveryCodes) => {
    setMode({ codes: r.recoveryCodes });
    refresh();
  };

  if (status.isPending) return <Loading />;
  if (status.isError) return <ErrorState error={status.error} onRetry={() => void status.refetch()} />;
  const s = status.data;
  return (
    <Paper withBorder p="md" data-testid="account-mfa">
      <Stack>
        <Group justify="space-between">
          <Title order={3} size="h4">{t('account.mfa.title')}</Title>
          {s.enrolled
            ? <Badge color="green" leftSection={<IconShieldCheck size={14} aria-hidden />} data-testid="account-mfa-state">{t('account.mfa.on')}</Badge>
            : <Badge color="gray" leftSection={<IconShieldOff size={14} aria-hidden />} data-testid="account-mfa-state">{t('account.mfa.off')}</Badge>}
        </Group>
        <Text size="sm" c="dimmed">{t('account.mfa.explain')}</Text>
        {s.required && <Text size="sm">{t('account.mfa.required')}</Text>}
        {s.enrolled && s.enrolledAt && (
          <Text size="sm">{t('account.mfa.since', { date: new Date(s.enrolledAt).toLocaleDateString(i18n.language), count: s.recoveryCodesLeft })}</Text>
        )}
        {typeof mode === 'object' && <RecoveryCodesPanel codes={mode.codes} doneLabel={t('account.mfa.done')} onDone={() => setMode('idle')} />}
        {mode === 'enrol' && (
          <TotpEnrolment
            begin={() => call(fb.POST('/api/v1/auth/mfa/enrol'))}
            confirm={(code) => call(fb.POST('/api/v1/auth/mfa/enrol/confirm', { body: { code } }))}
            onEnrolled={showCodes}
          />
        )}
        {mode === 'regenerate' && (
          <ReauthForm testId="mfa-regenerate" submitLabel={t('account.mfa.regenerate')} onCancel={() => setMode('idle')} onDone={showCodes}
            action={(body) => call(fb.POST('/api/v1/auth/mfa/recovery-codes', { body }))} />
        )}
        {mode === 'disable' && (
          <ReauthForm testId="mfa-disable" color="red" submitLabel={t('account.mfa.disable')} onCancel={() => setMode('idle')}
            onDone={() => { setMode('idle'); refresh(); }} action={(body) => call(fb.POST('/api/v1/auth/mfa/disable', { body }))} />
        )}
        {mode === 'idle' && (
          <Group gap="xs">
            {!s.enrolled && <Button onClick={() => setMode('enrol')} data-testid="mfa-turn-on">{t('account.mfa.enable')}</Button>}
            {s.enrolled && <Button variant="light" onClick={() => setMode('regenerate')} data-testid="mfa-new-codes">{t('account.mfa.regenerate')}</Button>}
            {s.enrolled && !s.required && <Button variant="light" color="red" onClick={() => setMode('disable')} data-testid="mfa-turn-off">{t('account.mfa.disable')}</Button>}
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
