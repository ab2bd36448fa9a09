import { IconAlertOctagon, IconAlertTriangle, IconInfoCircle } from '@tabler/icons-react';
import type { AlertSeverity } from './alert-of';

/** The severity's colour, always beside its icon and its word. */
export const SEVERITY_COLOR: Record<AlertSeverity, string> = { critical: 'red', warning: 'orange', info: 'blue' };

/** A distinct shape per severity (octagon, triangle, circle): readable without the colour. */
export function AlertIcon({ severity, size = 20 }: { severity: AlertSeverity; size?: number }) {
  if (severity === 'critical') return <IconAlertOctagon size={size} aria-hidden />;
  if (severity === 'warning') return <IconAlertTriangle size={size} aria-hidden />;
  return <IconInfoCircle size={size} aria-hidden />;
}
