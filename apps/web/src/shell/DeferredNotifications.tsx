import { notificationsStore } from '@mantine/notifications';
import { lazy, Suspense, useState, useSyncExternalStore } from 'react';

// The notification stack (with its transitions) is fetched when the first notification is shown,
// not with the first screen: only a few screens ever show one, and the store queues it meanwhile.
const Notifications = lazy(() => import('./NotificationStack'));

const anyQueued = () => {
  const { notifications, queue } = notificationsStore.getState();
  return notifications.length + queue.length > 0;
};

export function DeferredNotifications({ position }: { position: 'top-right' | 'top-left' | 'bottom-right' | 'bottom-left' }) {
  const queued = useSyncExternalStore(notificationsStore.subscribe, anyQueued);
  // Once mounted it stays, so hiding the last notification still plays its transition.
  const [needed, setNeeded] = useState(queued);
  if (queued && !needed) setNeeded(true);
  return needed ? <Suspense fallback={null}><Notifications position={position} /></Suspense> : null;
}
