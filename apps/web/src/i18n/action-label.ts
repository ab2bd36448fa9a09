import type { TFunction } from 'i18next';

/**
 * An audit/event action (`dispatch.unit_reassigned`, `hazards.raised`) in words of the UI
 * language: `auditAction.<module>.<verb>` in the locale files. Every action the server writes has
 * one (`action-label.test.ts` reads them from the server's code); an unknown one reads as words
 * ("Dispatch: unit reassigned"), never as the key.
 */
export function actionLabel(t: TFunction, action: string): string {
  return t(`auditAction.${action}`, { defaultValue: humanize(action) });
}

function humanize(action: string): string {
  const [module = '', ...rest] = action.split('.');
  const words = (s: string) => s.replace(/_/g, ' ');
  const head = words(module);
  return rest.length ? `${head.charAt(0).toUpperCase()}${head.slice(1)}: ${words(rest.join(' '))}` : head;
}

/** The server's own jobs that act without an account (`actorName` of their audit rows). */
const SYSTEM_ACTORS = new Set(['system', 'cli', 'response-clock', 'escalation-sweep', 'campaign-sweep', 'directive-sweep', 'task-sweep', 'duty-sweep', 'mqtt-ingest']);

/** Who did it: a person's name as it is, the server's own jobs in words (`systemActor.*`), nobody as "system". */
export function actorLabel(t: TFunction, actorName: string | null | undefined): string {
  if (!actorName) return t('systemActor.system');
  return SYSTEM_ACTORS.has(actorName) ? t(`systemActor.${actorName}`) : actorName;
}
