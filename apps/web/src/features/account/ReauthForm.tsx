import { Alert, Button, Group, PasswordInput, Stack, TextInput } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { problemText } from '../../api/http';

/** Password and a current code (app or recovery code): asked again before changing one's own second factor. */
export function ReauthForm<R>({ submitLabel, color, action, onDone, onCancel, testId }: {
  submitLabel: string;
  color?: string;
  action: (body: { password: string; code: string }) => Promise<R>;
  onDone: (result: R) => void;
  onCancel: () => void;
  testId: string;
}) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const run = useMutation({ mutationFn: () => action({ password, code }), onSuccess: onDone, onError: () => setCode('') });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    run.mutate();
  };
  return (
    <Stack component="form" onSubmit={submit} gap="xs" maw={360} data-testid={testId}>
      {run.isError && <Alert color="red" icon={<IconAlertTriangle aria-hidden />} role="alert">{problemText(run.error, t('errors.generic'))}</Alert>}
      <PasswordInput label={t('login.password')} autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.currentTarget.value)} data-testid={`${testId}-password`} />
      <TextInput label={t('account.mfa.codeOrRecovery')} autoComplete="one-time-code" required value={code} onChange={(e) => setCode(e.currentTarget.value)} data-testid={`${testId}-code`} />
      <Group gap="xs">
        <Button type="submit" color={color} loading={run.isPending} data-testid={`${testId}-submit`}>{submitLabel}</Button>
        <Button variant="subtle" onClick={onCancel}>{t('actions.cancel')}</Button>
      </Group>
    </Stack>
  );
}
