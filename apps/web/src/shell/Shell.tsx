import { Button, Group, Kbd as MKbd, Title } from '@mantine/core';
import { useDisclosure, useHotkeys } from '@mantine/hooks';
import { IconAlertTriangle, IconChartBar, IconClipboardList, IconSpeakerphone, IconFlame, IconHistory, IconKeyboard, IconMap2, IconRadar, IconSettings, IconTruck, IconUsers, IconUsersPlus } from '@tabler/icons-react';
import { IconBarrel, IconEye, IconFileSearch } from '@tabler/icons-react';
import { IconId, IconListCheck } from '@tabler/icons-react';
import { IconUpload, IconUrgent } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from '../i18n/use-translation';
import { NavLink, Outlet, useNavigate } from 'react-router';
import { call, fb } from '../api/http';
import { useMe } from '../api/queries';
import { AlertsBell } from '../features/alerts/AlertsBell';
import { MoveUpPushed } from '../features/coverage/MoveUpPushed';
import { settingsAccess } from '../features/settings/access';
import { staffAccess } from '../features/staff/staff-list';
import { LiveProvider } from '../live/LiveProvider';
import { AccountButton } from './AccountButton';
import { ConnectionBadge, OfflineBanner } from './ConnectionBadge';
import { Kbd } from './Kbd';
import { LanguageSwitch } from './LanguageSwitch';
import { MoreNav } from './MoreNav';
import { HELP_KEYS, SHORTCUTS, type ShortcutName } from './shortcuts';
import { useJurisdictionNames } from '../api/jurisdiction-names';

// The help dialog (Modal, focus trap, scroll lock) loads when first opened, not with the first screen.
const ShortcutsHelp = lazy(() => import('./ShortcutsHelp'));

/** Header with navigation, the live link, language and account; the screen below. */
export function Shell() {
  const { t } = useTranslation();
  const nameOf = useJurisdictionNames();
  const navigate = useNavigate();
  const me = useMe().data;
  const client = useQueryClient();
  const [help, { open: openHelp, close: closeHelp }] = useDisclosure(false);
  // Mounted from the first opening on, so closing it plays out and gives focus back.
  const [helpLoaded, setHelpLoaded] = useState(false);
  if (help && !helpLoaded) setHelpLoaded(true);
  const mayCreate = me?.permissions.includes('incidents:create') ?? false;
  const mayReadIncidents = me?.permissions.includes('incidents:read') ?? false;
  const mayReadPlaces = me?.permissions.includes('places:read') ?? false;
  const mayReadDirectives = me?.permissions.includes('directives:read') ?? false;
  // Tasks are read with directives:read (their server routes); posts with jurisdictions:read.
  const mayReadPosts = me?.permissions.includes('jurisdictions:read') ?? false;
  const maySettings = settingsAccess(me?.permissions ?? []).any;

  useHotkeys([
    [SHORTCUTS.newIncident.keys, () => mayCreate && void navigate('/incidents/new')],
    [SHORTCUTS.board.keys, () => void navigate('/')],
    [SHORTCUTS.units.keys, () => void navigate('/units')],
    [SHORTCUTS.hazards.keys, () => void navigate('/hazards')],
    [SHORTCUTS.campaigns.keys, () => mayReadPlaces && void navigate('/campaigns')],
    [SHORTCUTS.directives.keys, () => mayReadDirectives && void navigate('/directives')],
    [SHORTCUTS.tasks.keys, () => mayReadDirectives && void navigate('/tasks')],
    [SHORTCUTS.posts.keys, () => mayReadPosts && void navigate('/posts')],
    [SHORTCUTS.reports.keys, () => void navigate('/reports')],
    ...HELP_KEYS.map((keys): [string, () => void] => [keys, openHelp]),
  ]);

  const logout = async () => {
    await call(fb.POST('/api/v1/auth/logout')).catch(() => undefined);
    client.clear();
    void navigate('/login', { replace: true });
  };

  return (
    <LiveProvider>
      {/* A fixed header over a full-height main (what Mantine's AppShell did here, without its resizable panes in the first load). */}
      <header className="fb-header">
          <Group h="100%" px="md" justify="space-between" wrap="nowrap">
            <Group gap="lg" wrap="nowrap">
              <Group gap={6} wrap="nowrap">
                <IconFlame aria-hidden />
                <Title order={1} size="h3" className="fb-brand">Firebreak</Title>
                {/* Beside the brand, so a long nav can never push it off screen. */}
                <AlertsBell />
              </Group>
              <nav aria-label={t('shell.navigation')} className="fb-nav">
                <Group gap="xs" wrap="nowrap">
                  {mayReadIncidents && <NavItem to="/" icon={<IconMap2 size={18} aria-hidden />} label={t('nav.operations')} shortcut="board" />}
                  {me?.permissions.includes('units:read') && <NavItem to="/units" icon={<IconTruck size={18} aria-hidden />} label={t('nav.units')} shortcut="units" />}
                  {me?.permissions.includes('hazards:read') && <NavItem to="/hazards" icon={<IconAlertTriangle size={18} aria-hidden />} label={t('nav.hazards')} shortcut="hazards" />}
                  {mayReadPlaces && <NavItem to="/campaigns" icon={<IconClipboardList size={18} aria-hidden />} label={t('nav.campaigns')} shortcut="campaigns" />}
                  {mayReadDirectives && <NavItem to="/directives" icon={<IconSpeakerphone size={18} aria-hidden />} label={t('nav.directives')} shortcut="directives" />}
                  {mayReadDirectives && <NavItem to="/tasks" icon={<IconListCheck size={18} aria-hidden />} label={t('nav.tasks')} shortcut="tasks" />}
                  {mayReadIncidents && <NavItem to="/major-incidents" icon={<IconUrgent size={18} aria-hidden />} label={t('majorNav.title')} />}
                  {mayReadIncidents && <NavItem to="/reports" icon={<IconChartBar size={18} aria-hidden />} label={t('nav.reports')} shortcut="reports" />}
                  {/* Screens used less often than the operational ones: one button, so the header fits a laptop. */}
                  <MoreNav items={[
                    ...(me?.permissions.includes('dispatch:assign') ? [{ to: '/reinforcements', icon: <IconUsersPlus size={18} aria-hidden />, label: t('nav.reinforcements') }] : []),
                    ...(mayReadPlaces && me?.permissions.includes('units:read') ? [{ to: '/coverage', icon: <IconRadar size={18} aria-hidden />, label: t('nav.coverage') }] : []),
                    ...(mayReadIncidents ? [{ to: '/replay', icon: <IconHistory size={18} aria-hidden />, label: t('nav.replay') }] : []),
                    ...(mayReadPosts ? [{ to: '/posts', icon: <IconId size={18} aria-hidden />, label: t('nav.posts') }] : []),
                    ...(mayReadPlaces ? [{ to: '/goods', icon: <IconBarrel size={18} aria-hidden />, label: t('nav.goods') }] : []),
                    ...(me?.permissions.includes('hazards:read') ? [{ to: '/supervision', icon: <IconEye size={18} aria-hidden />, label: t('nav.supervision') }] : []),
                    ...(me?.permissions.includes('accountability:read') ? [{ to: '/accountability', icon: <IconFileSearch size={18} aria-hidden />, label: t('nav.accountability') }] : []),
                    ...(maySettings ? [{ to: '/settings', icon: <IconSettings size={18} aria-hidden />, label: t('nav.settings') }] : []),
                    // The administrator's accounts (and a reader of staff in their scope): list, new account, disable, password reset.
                    ...(staffAccess(me?.permissions ?? []).read ? [{ to: '/staff', icon: <IconUsers size={18} aria-hidden />, label: t('nav.staff') }] : []),
                    // An administrator's stations, units and staff from files (the first-run wizard's lists step): no other way to them in the app.
                    ...(me?.permissions.includes('jurisdictions:manage') ? [{ to: '/setup', icon: <IconUpload size={18} aria-hidden />, label: t('nav.onboarding') }] : []),
                  ]} />
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
              <AccountButton name={me?.displayName} roles={me?.grants.map((g) => `${t(`roles.${g.role}`)} · ${nameOf(g.jurisdictionPath, g.jurisdictionName)}`).join(', ') ?? ''} onLogout={() => void logout()} />
            </Group>
          </Group>
      </header>
      <main className="fb-main">
          <OfflineBanner />
          <div style={{ flex: 1, minHeight: 0, position: 'relative' }}>
            <Outlet />
          </div>
      </main>
      {me?.permissions.includes('units:read') && <MoveUpPushed />}
      {helpLoaded && <Suspense fallback={null}><ShortcutsHelp opened={help} onClose={closeHelp} /></Suspense>}
    </LiveProvider>
  );
}

function NavItem({ to, icon, label, shortcut }: { to: string; icon: React.ReactNode; label: string; shortcut?: ShortcutName }) {
  return (
    <NavLink to={to} end={to === '/'} style={{ textDecoration: 'none' }}>
      {({ isActive }) => (
        <Button component="span" variant={isActive ? 'light' : 'subtle'} size="sm" leftSection={icon} rightSection={shortcut && <Kbd name={shortcut} />} aria-current={isActive ? 'page' : undefined} title={label}>
          <span className="fb-nav-label">{label}</span>
        </Button>
      )}
    </NavLink>
  );
}
