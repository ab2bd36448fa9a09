import type { Me } from '@firebreak/contracts';
import { Alert, Button, Center, Group, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconAlertTriangle, IconFlame } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { api, problemText } from '../api/http';
import { keys } from '../api/queries';
import { LanguageSwitch } from '../shell/LanguageSwitch';

export function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const from = (useLocation().state as { from?: string } | null)?.from ?? '/';
  const client = useQueryClient();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const login = useMutation({
    mutationFn: () => api<Me>('/auth/login', { body: { username, password } }),
    onSuccess: (me) => {
      client.clear();
      client.setQueryData(keys.me, me);
      void navigate(from, { replace: true });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    login.mutate();
  };

  return (
    <Center mih="100vh" p="md">
      <Paper withBorder shadow="md" p="xl" w={420} component="form" onSubmit={submit} aria-labelledby="login-title">
        <Stack>
          <Group justify="space-between">
            <Group gap="xs">
              <IconFlame size={32} aria-hidden />
              <Title order={1} size="h2" id="login-title">Firebreak</Title>
            </Group>
            <LanguageSwitch />
          </Group>
          <Text c="dimmed">{t('login.subtitle')}</Text>
          {login.isError && (
            <Alert color="red" icon={<IconAlertTriangle aria-hidden />} title={t('login.failed')} role="alert">
              {problemText(login.error, t('errors.generic'))}
            </Alert>
          )}
          <TextInput label={t('login.username')} autoComplete="username" required autoFocus value={username} onChange={(e) => setUsername(e.currentTarget.value)} data-testid="login-username" />
          <PasswordInput label={t('login.password')} autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.currentTarget.value)} data-testid="login-password" />
          <Button type="submit" loading={login.isPending} size="md" data-testid="login-submit">{t('login.submit')}</Button>
        </Stack>
      </Paper>
    </Center>
  );
}
