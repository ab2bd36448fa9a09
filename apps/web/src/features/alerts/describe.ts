import type { TFunction } from 'i18next';
import type { NameOf } from '../../api/jurisdiction-names';
import { tierGoal } from '../incidents/tiers';
import type { Alert } from './alert-of';

export interface AlertWords {
  title: string;
  text: string;
  /** "Critical" / "Warning" / "Info": the severity in words, beside its icon and colour. */
  severity: string;
}

const PLACES = new Set(['place', 'to', 'from']);

/**
 * The alert in the current language: jurisdiction paths as names, enum values as labels, times
 * in the user's locale. Simulated incidents say "Exercise / simulated" in the title itself, so no
 * toast, list row or screen reader can present an exercise as a real emergency.
 */
export function describeAlert(alert: Alert, t: TFunction, lang: string, nameOf: NameOf): AlertWords {
  const p: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(alert.params)) p[k] = typeof v === 'string' && PLACES.has(k) ? nameOf(v) : v;
  if (typeof p.type === 'string') p.type = t(`incidentType.${p.type}`);
  // A reinforcement asks for a unit kind (its label) or a capability (its name, as the alert carries it).
  if (alert.kind === 'reinforcementAsked' && typeof p.what === 'string') p.what = t(`unitKind.${p.what}`, { defaultValue: p.what });
  // A missed tier's goal in the reader's words ("2 units on scene"), not the deployment's English label.
  if (alert.kind === 'incidentEscalated' && (p.requirement === 'responded' || p.requirement === 'on_scene')) {
    p.label = tierGoal(t, { label: String(p.label), requirement: p.requirement, units: Number(p.units ?? 1) });
  }
  if (typeof p.due === 'string') p.due = alert.kind === 'incidentEscalated' ? time(p.due, lang) : dateTime(p.due, lang);
  // A late directive says which deadline it missed: its words live one level deeper.
  // A major incident's words live in its feature's own block, one per missed clock.
  const base = alert.kind === 'directiveEscalated' ? `alertKind.directiveEscalated.${String(alert.params.missed)}`
    : alert.kind === 'majorEscalated' ? `majorNav.escalated.${String(alert.params.clock)}`
    : alert.kind === 'transportAlert' ? `alertKind.transportAlert.${String(alert.params.what)}` : `alertKind.${alert.kind}`;
  const title = t(`${base}.title`, p);
  return {
    title: alert.simulated ? t('alerts.exerciseTitle', { title }) : title,
    text: t(`${base}.text`, p),
    severity: t(`alerts.severity.${alert.severity}`),
  };
}

const time = (iso: string, lang: string) => new Date(iso).toLocaleTimeString(lang, { hour: '2-digit', minute: '2-digit' });
const dateTime = (iso: string, lang: string) => new Date(iso).toLocaleString(lang, { dateStyle: 'medium', timeStyle: 'short' });
