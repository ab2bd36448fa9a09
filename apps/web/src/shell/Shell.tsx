import { AppShell, Button, Group, Kbd as MKbd, Menu, Modal, Table, Text, Title, UnstyledButton } from '@mantine/core';
import { useDisclosure, useHotkeys } from '@mantine/hooks';
import { IconAlertTriangle, IconChartBar, IconClipboardList, IconSpeakerphone, IconFlame, IconKeyboard, IconLogout, IconMap2, IconTruck, IconUser } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet, useNavigate } from 'react-router';
import { api } from '../api/http';
import { useMe } from '../api/queries';
import { LiveProvider } from '../live/LiveProvider';
import { ConnectionBadge, OfflineBanner } from './ConnectionBadge';
import { Kbd } from './Kbd';
import { LanguageSwitch } from './LanguageSwitch';
import { SHORTCUTS, shortcutDisplay, type ShortcutName } from './shortcuts';

/** Header with navigation, the live link, language and account; the screen below. */
export function Shell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useMe().data;
  const client = useQueryClient();
  const [help, { open: openHelp, close: closeHelp }] = useDisclosure(false);
  const mayCreate = me?.permissions.includes('incidents:create') ?? false;
  const mayReadIncidents = me?.permissions.includes('incidents:read') ?? false;
  const mayReadPlaces = me?.permissions.includes('places:read') ?? false;
  const mayReadDirectives = me?.permissions.includes('directives:read') ?? false;

  useHotkeys([
    [SHORTCUTS.newIncident.keys, () => mayCreate && void navigate('/incidents/new')],
    [SHORTCUTS.board.keys, () => void navigate('/')],
    [SHORTCUTS.units.keys, () => void navigate('/units')],
    [SHORTCUTS.hazards.keys, () => void navigate('/hazards')],
    [SHORTCUTS.campaigns.keys, () => mayReadPlaces && void navigate('/campaigns')],
    [SHORTCUTS.directives.keys, () => mayReadDirectives && void navigate('/directives')],
    [SHORTCUTS.reports.keys, () => void navigate('/reports')],
    [SHORTCUTS.help.keys, openHelp],
  ]);

  const logout = async () => {
    await api('/auth/logout', { method: 'POST' }).catch(() => undefined);
    client.clear();
    void navigate('/login', { replace: true });
  };

  return (
    <LiveProvider>
      <AppShell header={{ height: 56 }} padding={0}>
        <AppShell.Header>
          <Group h="100%" px="md" justify="space-between" wrap="nowrap">
            <Group gap="lg" wrap="nowrap">
              <Group gap={6} wrap="nowrap">
                <IconFlame aria-hidden />
                <Title order={1} size="h3" className="fb-brand">Firebreak</Title>
              </Group>
              <nav aria-label={t('shell.navigation')} className="fb-nav">
                <Group gap="xs" wrap="nowrap">
                  {mayReadIncidents && <NavItem to="/" icon={<IconMap2 size={18} aria-hidden />} label={t('nav.operations')} shortcut="board" />}
                  {me?.permissions.includes('units:read') && <NavItem to="/units" icon={<IconTruck size={18} aria-hidden />} label={t('nav.units')} shortcut="units" />}
                  {me?.permissions.includes('hazards:read') && <NavItem to="/hazards" icon={<IconAlertTriangle size={18} aria-hidden />} label={t('nav.hazards')} shortcut="hazards" />}
                  {mayReadPlaces && <NavItem to="/campaigns" icon={<IconClipboardList size={18} aria-hidden />} label={t('nav.campaigns')} shortcut="campaigns" />}
                  {mayReadDirectives && <NavItem to="/directives" icon={<IconSpeakerphone size={18} aria-hidden />} label={t('nav.directives')} shortcut="directives" />}
                  {mayReadIncidents && <NavItem to="/reports" icon={<IconChartBar size={18} aria-hidden />} label={t('nav.reports')} shortcut="reports" />}
                </Group>
              </nav>
            </Group>
            <Group gap="xs" wrap="nowrap" style={{ flexShrink: 0 }}>
              {mayCreate && (
                <Button size="sm" color="red" onClick={() => void navigate('/incidents/new')} rightSection={<Kbd name="newIncident" />} data-testid="new-incident">
                  {t('incidents.new')}
                </Button>
              )}
              <ConnectionBadge />
              <LanguageSwitch />
              <Button variant="subtle" size="sm" onClick={openHelp} leftSection={<IconKeyboard size={18} aria-hidden />} aria-label={t('shortcuts.title')}>
                <MKbd size="xs">?</MKbd>
              </Button>
              <Menu position="bottom-end">
                <Menu.Target>
                  <UnstyledButton aria-label={t('shell.account')}>
                    <Group gap={4} wrap="nowrap">
                      <IconUser size={18} aria-hidden />
                      <Text size="sm" truncate maw={160} title={me?.displayName} className="fb-user-name">{me?.displayName}</Text>
                    </Group>
                  </UnstyledButton>
                </Menu.Target>
                <Menu.Dropdown>
                  <Menu.Label fw={700}>{me?.displayName}</Menu.Label>
                  <Menu.Label>{me?.grants.map((g) => `${t(`roles.${g.role}`)} · ${g.jurisdictionName}`).join(', ')}</Menu.Label>
                  <Menu.Item leftSection={<IconLogout size={16} aria-hidden />} onClick={() => void logout()}>{t('shell.logout')}</Menu.Item>
                </Menu.Dropdown>
              </Menu>
            </Group>
          </Group>
        </AppShell.Header>
        <AppShell.Main style={{ display: 'flex', flexDirection: 'column', height: '100vh' }}>
          <OfflineBanner />
          <div style={{ flex: 1, minHeight: 0, position: 'relative' }}>
            <Outlet />
          </div>
        </AppShell.Main>
      </AppShell>
      <Modal opened={help} onClose={closeHelp} title={t('shortcuts.title')}>
        <Table>
          <Table.Tbody>
            {(Object.keys(SHORTCUTS) as ShortcutName[]).map((name) => (
              <Table.Tr key={name}>
                <Table.Td><MKbd>{shortcutDisplay(name)}</MKbd></Table.Td>
                <Table.Td>{t(SHORTCUTS[name].label)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Modal>
    </LiveProvider>
  );
}

function NavItem({ to, icon, label, shortcut }: { to: string; icon: React.ReactNode; label: string; shortcut: ShortcutName }) {
  return (
    <NavLink to={to} end={to === '/'} style={{ textDecoration: 'none' }}>
      {({ isActive }) => (
        <Button component="span" variant={isActive ? 'light' : 'subtle'} size="sm" leftSection={icon} rightSection={<Kbd name={shortcut} />} aria-current={isActive ? 'page' : undefined} title={label}>
          <span className="fb-nav-label">{label}</span>
        </Button>
      )}
    </NavLink>
  );
}
