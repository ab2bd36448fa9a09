// The notification stack alone, for DeferredNotifications' lazy import: importing the package itself
// lazily would need its whole namespace, which puts the stack back into the first load.
export { Notifications as default } from '@mantine/notifications';
