import type { Me } from '@firebreak/contracts';
import { Alert, Button, Center, Group, Loader, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconAlertTriangle, IconFlame } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useState, type FormEvent } from 'react';
import { useTranslation } from '../i18n/use-translation';
import { useLocation, useNavigate } from 'react-router';
import { call, fb, type SessionEndedDetail } from '../api/http';
import { keys } from '../api/queries';
import { LanguageSwitch } from '../shell/LanguageSwitch';
import { loginProblemText, sessionEndedText } from './login-problems';
import { MfaVerifyStep } from './mfa/MfaVerifyStep';
import { RecoveryCodesPanel } from './mfa/RecoveryCodesPanel';
import type { TotpEnrolment as TotpEnrolmentType } from './mfa/TotpEnrolment';

// Enrolment (with the QR code library) is fetched only by those who must enrol.
// (lazy() drops the component's type parameter: the cast gives it back.)
const TotpEnrolment = lazy(() => import('./mfa/TotpEnrolment').then((m) => ({ default: m.TotpEnrolment }))) as unknown as typeof TotpEnrolmentType;

/** Where sign-in stands: the password, then (when the account has or needs one) the second factor. */
type Step =
  | { kind: 'password' }
  | { kind: 'verify'; ticket: string }
  | { kind: 'enrol'; ticket: string }
  | { kind: 'codes'; me: Me; codes: string[] };

export function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const state = useLocation().state as { from?: string; ended?: SessionEndedDetail } | null;
  const from = state?.from ?? '/';
  const endedText = sessionEndedText(state?.ended, t);
  const client = useQueryClient();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [step, setStep] = useState<Step>({ kind: 'password' });
  const signedIn = (me: Me) => {
    client.clear();
    client.setQueryData(keys.me, me);
    void navigate(from, { replace: true });
  };
  const restart = () => {
    setPassword('');
    setStep({ kind: 'password' });
  };
  const login = useMutation({
    mutationFn: () => call(fb.POST('/api/v1/auth/login', { body: { username, password } })),
    onSuccess: (res) => {
      if ('mfa' in res) setStep({ kind: res.mfa, ticket: res.ticket });
      else signedIn(res);
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    login.mutate();
  };

  return (
    <Center mih="100vh" p="md">
      <Paper withBorder shadow="md" p="xl" w={step.kind === 'password' || step.kind === 'verify' ? 420 : 480} aria-labelledby="login-title">
        <Stack>
          <Group justify="space-between">
            <Group gap="xs">
              <IconFlame size={32} aria-hidden />
              <Title order={1} size="h2" id="login-title">Firebreak</Title>
            </Group>
            <LanguageSwitch />
          </Group>
          {step.kind === 'password' && (
            <Stack component="form" onSubmit={submit}>
              <Text c="dimmed">{t('login.subtitle')}</Text>
              {endedText && !login.isError && <Alert color="blue" role="status" data-testid="login-session-ended">{endedText}</Alert>}
              {login.isError && (
                <Alert color="red" icon={<IconAlertTriangle aria-hidden />} title={t('login.failed')} role="alert">
                  {loginProblemText(login.error, t)}
                </Alert>
              )}
              <TextInput label={t('login.username')} autoComplete="username" required autoFocus value={username} onChange={(e) => setUsername(e.currentTarget.value)} data-testid="login-username" />
              <PasswordInput label={t('login.password')} autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.currentTarget.value)} data-testid="login-password" />
              <Button type="submit" loading={login.isPending} size="md" data-testid="login-submit">{t('login.submit')}</Button>
            </Stack>
          )}
          {step.kind === 'verify' && (
            <>
              <Title order={2} size="h4">{t('login.mfa.verifyTitle')}</Title>
              <MfaVerifyStep ticket={step.ticket} onSignedIn={signedIn} onRestart={restart} />
            </>
          )}
          {step.kind === 'enrol' && (
            <>
              <Title order={2} size="h4">{t('login.mfa.enrolTitle')}</Title>
              <Text size="sm" c="dimmed">{t('login.mfa.enrolRequired')}</Text>
              {/* The session opens when the code is confirmed; the recovery codes are shown before going on. */}
              <Suspense fallback={<Loader aria-label={t('login.mfa.loading')} />}>
                <TotpEnrolment
                  begin={() => call(fb.POST('/api/v1/auth/login/mfa/enrol', { body: { ticket: step.ticket } }))}
                  confirm={(code) => call(fb.POST('/api/v1/auth/login/mfa/enrol/confirm', { body: { ticket: step.ticket, code } }))}
                  onEnrolled={(res) => setStep({ kind: 'codes', me: res.me, codes: res.recoveryCodes })}
                />
              </Suspense>
              <Button variant="subtle" size="xs" onClick={restart}>{t('login.mfa.restart')}</Button>
            </>
          )}
          {step.kind === 'codes' && (
            <RecoveryCodesPanel codes={step.codes} doneLabel={t('login.mfa.continue')} onDone={() => signedIn(step.me)} />
          )}
        </Stack>
      </Paper>
    </Center>
  );
}
