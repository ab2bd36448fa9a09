import { Box, Tabs, Title } from '@mantine/core';
import { IconListDetails, IconShare } from '@tabler/icons-react';
import { useTranslation } from '../../i18n/use-translation';
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { useMe } from '../../api/queries';
import { EmptyState, Loading } from '../../shell/States';
import { settingsAccess } from './access';

/** The configuration area: one tab per screen the user may use, the chosen one below. */
export default function SettingsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  if (me.isPending) return <Loading />;
  const access = settingsAccess(me.data?.permissions ?? []);
  const tabs = [
    ...(access.responsePlans ? [{ value: 'response-plans', label: t('settings.plans.title'), icon: <IconListDetails size={16} aria-hidden /> }] : []),
    ...(access.mutualAid ? [{ value: 'mutual-aid', label: t('settings.aid.title'), icon: <IconShare size={16} aria-hidden /> }] : []),
  ];
  const current = pathname.split('/')[2] ?? '';
  if (tabs.length === 0) return <EmptyState title={t('settings.forbidden')} />;
  if (!tabs.some((tab) => tab.value === current)) return <Navigate to={`/settings/${tabs[0]!.value}`} replace />;

  return (
    // The tab panel holds the chosen screen (the route's outlet), in its own scroll box: the shell gives the screen a fixed height.
    <Tabs value={current} onChange={(v) => v && void navigate(`/settings/${v}`)} keepMounted={false}
      style={{ height: '100%', display: 'flex', flexDirection: 'column', minHeight: 0 }} data-testid="settings">
      <Box px="md" pt="md">
        <Title order={2} size="h3" mb="xs">{t('settings.title')}</Title>
        <Tabs.List aria-label={t('settings.title')}>
          {tabs.map((tab) => (
            <Tabs.Tab key={tab.value} value={tab.value} leftSection={tab.icon} data-testid={`settings-tab-${tab.value}`}>{tab.label}</Tabs.Tab>
          ))}
        </Tabs.List>
      </Box>
      <Tabs.Panel value={current} style={{ flex: 1, minHeight: 0, overflow: 'auto' }} p="md">
        <Outlet />
      </Tabs.Panel>
    </Tabs>
  );
}
