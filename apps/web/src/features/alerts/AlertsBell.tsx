import { Button, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconBell, IconBellRinging } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import type { StreamEvent } from '@firebreak/contracts';
import { lazy, Suspense, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { useNavigate } from 'react-router';
import { keys, useMe, type JurisdictionNode } from '../../api/queries';
import { onStreamEvents } from '../../live/stream-listeners';
import { call, fb, once } from '../../api/http';
import { ALERT_EVENT_TYPES, alertOf, type Alert } from './alert-of';
import { alertsStore } from './alerts-store';
import { unreadBySeverity, unreadCount } from './read-state';
import { toastCandidate, toastId } from './toast-plan';
import { withScreenStrings } from '../../i18n';

// The panel (Drawer, focus trap) and the toasts' content load when first needed, not with the first screen; so do
// the alerts' words (`alertKind.*`, with the lazy screens' English), fetched beside them.
const loadPanel = withScreenStrings(() => import('./AlertsPanel'));
const loadToasts = withScreenStrings(() => import('./alert-toasts'));
const AlertsPanel = lazy(loadPanel);
/** On sign-in, what was addressed to me this long back is caught up on (a shift). */
const CATCH_UP_MS = 12 * 3_600_000;

const SEVERITIES = ['critical', 'warning', 'info'] as const;
/** Dark enough for white text (4.5:1). */
const SUMMARY_COLOR = { critical: 'var(--mantine-color-red-8)', warning: 'var(--mantine-color-orange-9)', info: 'var(--mantine-color-blue-8)' } as const;

/** Tells the server (every device of mine) what was read here; a lost call only costs a stale count elsewhere. */
const sendRead = (ids: string[]) => {
  for (let i = 0; i < ids.length; i += 200) {
    void call(fb.POST('/api/v1/alerts/receipts', { params: { header: once(crypto.randomUUID()) }, body: { read: ids.slice(i, i + 200) } })).catch(() => undefined);
  }
};

/**
 * The header's bell: listens to the stream from the moment the shell mounts (before the first
 * event), keeps what is addressed to this user and shows the unread ones counted by severity.
 * What reached me while I was away is summed up there, never toasted. Of what arrives live, only
 * a critical alert gets a toast — one at a time, bottom left over the map, clear of the intake,
 * the board and the header — and only if no device of mine has shown it (the server's claim).
 * Each new alert is announced through an aria-live region (assertive for critical ones).
 */
export function AlertsBell() {
  const { t, i18n } = useTranslation();
  const me = useMe().data;
  const navigate = useNavigate();
  const client = useQueryClient();
  const state = useSyncExternalStore(alertsStore.subscribe, alertsStore.getSnapshot);
  const unread = unreadCount(state);
  const bySeverity = unreadBySeverity(state);
  const [opened, setOpened] = useState(false);
  // Mounted from the first opening on, so closing it plays out and gives focus back.
  const [panelLoaded, setPanelLoaded] = useState(false);
  if (opened && !panelLoaded) setPanelLoaded(true);
  const [announced, setAnnounced] = useState({ critical: '', other: '' });
  /** The one alert toast on screen (its notification id): reading its alert anywhere takes it away. */
  const toasted = useRef<{ alertId: string; id: string } | null>(null);
  // What the stream listener (registered once) needs of the latest render.
  const latest = useRef({ me, t, lang: i18n.language, navigate, client });
  useEffect(() => {
    latest.current = { me, t, lang: i18n.language, navigate, client };
  });

  useEffect(() => alertsStore.open(me?.id ?? null), [me?.id]);
  useEffect(() => {
    alertsStore.setReadSink(sendRead);
    return () => alertsStore.setReadSink(null);
  }, []);

  // What reached my level while I was signed out (the stream only carries what happens from now on).
  const handleEvents = useRef<(events: readonly StreamEvent[], caughtUp: boolean) => void>(() => undefined);
  useEffect(() => {
    if (!me?.id) return;
    const since = new Date(Date.now() - CATCH_UP_MS).toISOString();
    const controller = new AbortController();
    const { signal } = controller;
    call(fb.GET('/api/v1/events/recent', { params: { query: { types: ALERT_EVENT_TYPES.join(','), since } }, signal }))
      .then((events) => handleEvents.current([...events].reverse(), true))
      // What another device of mine read is read here too.
      .then(() => call(fb.GET('/api/v1/alerts/receipts', { params: { query: { since } }, signal })))
      .then((receipts) => alertsStore.syncRead(receipts.filter((r) => r.readAt !== null).map((r) => r.eventId)))
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
    const open = (a: Alert) => {
      alertsStore.markRead([a.id]);
      void latest.current.navigate(a.link);
    };
    const handle = (events: readonly StreamEvent[], caughtUp: boolean) => {
      const { me: viewer, t: tr, lang, client: qc } = latest.current;
      if (!viewer) return;
      const added = alertsStore.receive(events.map((e) => alertOf(e, viewer)).filter((a): a is Alert => a !== null));
      // Caught up on at sign-in: the bell's summary says it, no toast covers the screen.
      if (added.length === 0 || caughtUp) return;
      const candidate = toastCandidate(added);
      const tree = qc.getQueryData<JurisdictionNode[]>(keys.jurisdictions);
      // The words and the toast come with the first alert, not with the first screen.
      loadToasts()
        .then(async (m) => {
          setAnnounced(m.spokenBatch(added, tr, lang, tree));
          if (!candidate) return;
          // Claimed on the server: shown by one device of mine, never again on any.
          const claim = await call(fb.POST('/api/v1/alerts/receipts', { params: { header: once(crypto.randomUUID()) }, body: { seen: [candidate.id] } }));
          const stillUnread = alertsStore.getSnapshot().alerts.some((a) => a.id === candidate.id && !a.read);
          if (!claim.firstSeen.includes(candidate.id) || !stillUnread) return;
          m.showAlertToast(candidate, toasted.current?.id ?? null, { t: tr, lang, tree, open, markRead: (a) => alertsStore.markRead([a.id]) });
          toasted.current = { alertId: candidate.id, id: toastId(candidate.id) };
        })
        // Without the chunk (a deploy replaced it) or the claim, the bell, its count and the panel still tell.
        .catch((err: unknown) => console.error('alert toast unavailable', err));
    };
    handleEvents.current = handle;
    const off = onStreamEvents((events) => handle(events, false));
    return () => {
      off();
      // Signed out (or the shell left): no alert of this user stays on screen.
      if (toasted.current) notifications.hide(toasted.current.id);
      toasted.current = null;
    };
  }, []);

  useEffect(() => {
    const shown = toasted.current;
    if (shown && state.alerts.some((a) => a.id === shown.alertId && a.read)) {
      notifications.hide(shown.id);
      toasted.current = null;
    }
  }, [state]);

  // The panel lists it: the toast would only cover the panel.
  useEffect(() => {
    if (opened && toasted.current) {
      notifications.hide(toasted.current.id);
      toasted.current = null;
    }
  }, [opened]);

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
        aria-label={unread === 0 ? t('alerts.bell', { count: 0 }) : `${t('alerts.bell', { count: unread })} (${SEVERITIES.filter((v) => bySeverity[v] > 0).map((v) => t('alerts.summary', { count: bySeverity[v], severity: t(`alerts.severity.${v}`) })).join(', ')})`}
        aria-haspopup="dialog"
        aria-expanded={opened}
        data-testid="alerts-bell"
        data-unread={unread}
        style={{ flexShrink: 0 }}
      >
        {unread > 0 && (
          <span data-testid="alerts-unread" data-count={unread} style={{ display: 'inline-flex', gap: 3 }}>
            {SEVERITIES.filter((v) => bySeverity[v] > 0).map((v) => (
              <span key={v} data-testid={`alerts-summary-${v}`} data-count={bySeverity[v]} aria-hidden
                style={{ background: SUMMARY_COLOR[v], color: '#fff', borderRadius: 9, padding: '0 6px', fontSize: 12, fontWeight: 700, lineHeight: '18px' }}>
                {bySeverity[v]}
              </span>
            ))}
          </span>
        )}
      </Button>
      <VisuallyHidden component="div">
        <div aria-live="assertive" aria-atomic="true" data-testid="alerts-announce-critical">{announced.critical}</div>
        <div aria-live="polite" aria-atomic="true" data-testid="alerts-announce">{announced.other}</div>
      </VisuallyHidden>
      {panelLoaded && <Suspense fallback={null}><AlertsPanel opened={opened} onClose={() => setOpened(false)} /></Suspense>}
    </>
  );
}
