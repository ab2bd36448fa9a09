import { Alert, Anchor, Button, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import type { Me } from '@firebreak/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { ApiError, call, fb, problemText } from '../../api/http';

/** Sign-in, second step: the code from the authenticator app, or one of the recovery codes. */
export function MfaVerifyStep({ ticket, onSignedIn, onRestart }: { ticket: string; onSignedIn: (me: Me) => void; onRestart: () => void }) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const [recovery, setRecovery] = useState(false);
  const verify = useMutation({
    mutationFn: () => call(fb.POST('/api/v1/auth/login/mfa', { body: { ticket, code } })),
    onSuccess: onSignedIn,
    onError: () => setCode(''),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    verify.mutate();
  };
  const expired = verify.error instanceof ApiError && verify.error.problem?.code === 'AUTH_MFA_TICKET_INVALID';
  return (
    <Stack component="form" onSubmit={submit} data-testid="mfa-verify">
      <Text size="sm">{recovery ? t('login.mfa.recoveryPrompt') : t('login.mfa.verifyPrompt')}</Text>
      {verify.isError && (
        <Alert color="red" icon={<IconAlertTriangle aria-hidden />} role="alert" title={t('login.failed')}>
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{problemText(verify.error, t('errors.generic'))}</Text>
            {expired && <Button size="xs" variant="light" onClick={onRestart}>{t('login.mfa.restart')}</Button>}
          </Stack>
        </Alert>
      )}
      <TextInput
        key={recovery ? 'recovery' : 'totp'}
        label={recovery ? t('login.mfa.recoveryCode') : t('login.mfa.code')}
        autoComplete="one-time-code"
        inputMode={recovery ? 'text' : 'numeric'}
        autoFocus
        required
        value={code}
        onChange={(e) => setCode(e.currentTarget.value)}
        data-testid="mfa-code"
      />
      <Button type="submit" size="md" loading={verify.isPending} disabled={expired} data-testid="mfa-submit">{t('login.mfa.verifySubmit')}</Button>
      <Anchor component="button" type="button" size="sm" onClick={() => { setRecovery(!recovery); setCode(''); }} data-testid="mfa-use-recovery">
        {recovery ? t('login.mfa.useApp') : t('login.mfa.useRecovery')}
      </Anchor>
    </Stack>
  );
}
