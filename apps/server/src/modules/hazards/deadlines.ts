import type { HazardGrade } from '@firebreak/contracts';

export interface DeadlineDays {
  generalDays: number;
  majorDays: number;
}

/** Used where no jurisdiction up the tree has set its own. */
export const DEFAULT_DEADLINES: DeadlineDays = { generalDays: 7, majorDays: 30 };

const DAY_MS = 86_400_000;

export const daysFor = (grade: HazardGrade, d: DeadlineDays): number => (grade === 'major' ? d.majorDays : d.generalDays);

export function dueAtFor(grade: HazardGrade, raisedAt: Date, d: DeadlineDays): Date {
  return new Date(raisedAt.getTime() + daysFor(grade, d) * DAY_MS);
}

/** The ancestor `levels` up from `path` (`li.oberland.vaduz`, 1 -> `li.oberland`). */
export function ancestorOf(path: string, levels: number): string {
  const labels = path.split('.');
  return labels.slice(0, Math.max(1, labels.length - levels)).join('.');
}
