import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from '../../i18n/use-translation';
import { useMe } from '../../api/queries';
import { Loading } from '../../shell/States';
import { ApiTokensSection } from './ApiTokensSection';
import { MfaResetSection } from './MfaResetSection';
import { MfaSection } from './MfaSection';
import { StaffTokensSection } from './StaffTokensSection';

/** My account: who I am, my two-factor sign-in, my API tokens, and (administrators) resetting a colleague's second factor and other accounts' tokens. */
export default function AccountPage() {
  const { t } = useTranslation();
  const me = useMe().data;
  if (!me) return <Loading />;
  return (
    <Stack p="md" maw={720} style={{ height: '100%', overflow: 'auto' }} data-testid="account">
      <Title order={2} size="h3">{t('account.title')}</Title>
      <Text>{me.displayName} <Text span c="dimmed">({me.username})</Text></Text>
      {me.kind === 'staff' && <MfaSection />}
      <ApiTokensSection />
      {me.permissions.includes('staff:manage') && <MfaResetSection myId={me.id} />}
      {me.permissions.includes('staff:manage') && <StaffTokensSection myId={me.id} />}
    </Stack>
  );
}
