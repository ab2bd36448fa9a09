import { Button, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconBell, IconBellRinging } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import type { StreamEvent } from '@firebreak/contracts';
import { lazy, Suspense, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { keys, useMe, type JurisdictionNode } from '../../api/queries';
import { onStreamEvents } from '../../live/stream-listeners';
import { api } from '../../api/http';
import { ALERT_EVENT_TYPES, alertOf, type Alert } from './alert-of';
import { alertsStore } from './alerts-store';
import { unreadCount } from './read-state';
import { toastId } from './toast-plan';

// The panel (Drawer, focus trap) and the toasts' content load when first needed, not with the first screen.
const loadPanel = () => import('./AlertsPanel');
const AlertsPanel = lazy(loadPanel);
/** On sign-in, what was addressed to me this long back is caught up on (a shift). */
const CATCH_UP_MS = 12 * 3_600_000;

/**
 * The header's bell: listens to the stream from the moment the shell mounts (before the first
 * event), keeps what is addressed to this user, toasts each new alert, announces it through an
 * aria-live region (assertive for critical ones) and opens the alerts panel with the unread count.
 */
export function AlertsBell() {
  const { t, i18n } = useTranslation();
  const me = useMe().data;
  const navigate = useNavigate();
  const client = useQueryClient();
  const state = useSyncExternalStore(alertsStore.subscribe, alertsStore.getSnapshot);
  const unread = unreadCount(state);
  const [opened, setOpened] = useState(false);
  // Mounted from the first opening on, so closing it plays out and gives focus back.
  const [panelLoaded, setPanelLoaded] = useState(false);
  if (opened && !panelLoaded) setPanelLoaded(true);
  const [announced, setAnnounced] = useState({ critical: '', other: '' });
  /** Alerts with a toast on screen: reading them anywhere takes the toast away. */
  const toasted = useRef(new Set<string>());
  // What the stream listener (registered once) needs of the latest render.
  const latest = useRef({ me, t, lang: i18n.language, navigate, client });
  useEffect(() => {
    latest.current = { me, t, lang: i18n.language, navigate, client };
  });

  useEffect(() => alertsStore.open(me?.id ?? null), [me?.id]);

  // What reached my level while I was signed out (the stream only carries what happens from now on).
  const handleEvents = useRef<(events: readonly StreamEvent[]) => void>(() => undefined);
  useEffect(() => {
    if (!me?.id) return;
    const since = new Date(Date.now() - CATCH_UP_MS).toISOString();
    const controller = new AbortController();
    api<StreamEvent[]>(`/events/recent?types=${ALERT_EVENT_TYPES.join(',')}&since=${encodeURIComponent(since)}`, { signal: controller.signal })
      .then((events) => handleEvents.current([...events].reverse()))
      .catch(() => undefined); // the live stream still alerts; a failed catch-up is not worth an error on screen
    return () => controller.abort();
  }, [me?.id]);

  // Another tab of the same user received or read alerts.
  useEffect(() => {
    const onStorage = (e: StorageEvent) => {
      if (e.key !== null && e.key === alertsStore.key()) alertsStore.reload();
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, []);

  useEffect(() => {
    const shown = toasted.current;
    const open = (a: Alert) => {
      alertsStore.markRead([a.id]);
      void latest.current.navigate(a.link);
    };
    const handle = (events: readonly StreamEvent[]) => {
      const { me: viewer, t: tr, lang, client: qc } = latest.current;
      if (!viewer) return;
      const added = alertsStore.receive(events.map((e) => alertOf(e, viewer)).filter((a): a is Alert => a !== null));
      if (added.length === 0) return;
      for (const a of added) shown.add(a.id);
      const tree = qc.getQueryData<JurisdictionNode[]>(keys.jurisdictions);
      // The words and the toasts come with the first alert, not with the first screen.
      import('./alert-toasts')
        .then((m) => {
          setAnnounced(m.spokenBatch(added, tr, lang, tree));
          m.showAlertToasts(added, { t: tr, lang, tree, open, markRead: (a) => alertsStore.markRead([a.id]), showPanel: () => setOpened(true) });
        })
        // Without the chunk (a deploy replaced it) the bell, its count and the panel still tell.
        .catch((err: unknown) => console.error('alert toasts unavailable', err));
    };
    handleEvents.current = handle;
    const off = onStreamEvents(handle);
    return () => {
      off();
      // Signed out (or the shell left): no alert of this user stays on screen.
      for (const id of shown) notifications.hide(toastId(id));
      shown.clear();
    };
  }, []);

  useEffect(() => {
    for (const a of state.alerts) {
      if (a.read && toasted.current.delete(a.id)) notifications.hide(toastId(a.id));
    }
  }, [state]);

  return (
    <>
      <Button
        variant={unread > 0 ? 'light' : 'subtle'}
        color={unread > 0 ? 'red' : 'gray'}
        size="sm"
        px="xs"
        leftSection={unread > 0 ? <IconBellRinging size={18} aria-hidden /> : <IconBell size={18} aria-hidden />}
        onClick={() => setOpened((o) => !o)}
        onPointerEnter={() => void loadPanel()}
        onFocus={() => void loadPanel()}
        aria-label={t('alerts.bell', { count: unread })}
        aria-haspopup="dialog"
        aria-expanded={opened}
        data-testid="alerts-bell"
        data-unread={unread}
        style={{ flexShrink: 0 }}
      >
        {unread > 0 && <span data-testid="alerts-unread">{unread}</span>}
      </Button>
      <VisuallyHidden component="div">
        <div aria-live="assertive" aria-atomic="true" data-testid="alerts-announce-critical">{announced.critical}</div>
        <div aria-live="polite" aria-atomic="true" data-testid="alerts-announce">{announced.other}</div>
      </VisuallyHidden>
      {panelLoaded && <Suspense fallback={null}><AlertsPanel opened={opened} onClose={() => setOpened(false)} /></Suspense>}
    </>
  );
}
