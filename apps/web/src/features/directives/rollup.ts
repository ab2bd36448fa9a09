import type { DirectiveRollupRow } from '../../api/types';

export type TargetState = 'delivered' | 'acknowledged' | 'reported';

export interface RollupTotals {
  targets: number;
  acknowledged: number;
  reported: number;
  /** Delivered and not yet acknowledged. */
  waiting: number;
  acknowledgementOverdue: number;
  reportOverdue: number;
}

/** The roll-up's rows summed: the whole picture below this level in one line. */
export function rollupTotals(rows: readonly DirectiveRollupRow[]): RollupTotals {
  const t = { targets: 0, acknowledged: 0, reported: 0, waiting: 0, acknowledgementOverdue: 0, reportOverdue: 0 };
  for (const r of rows) {
    t.targets += r.targets;
    t.acknowledged += r.acknowledged;
    t.reported += r.reported;
    t.acknowledgementOverdue += r.acknowledgementOverdue;
    t.reportOverdue += r.reportOverdue;
  }
  t.waiting = Math.max(t.targets - t.acknowledged, 0);
  return t;
}

/** A row's standing for the at-a-glance column: worst first, so the late ones stand out. */
export function rowStanding(r: DirectiveRollupRow): 'late' | 'done' | 'inProgress' | 'waiting' {
  if (r.acknowledgementOverdue > 0 || r.reportOverdue > 0) return 'late';
  if (r.targets > 0 && r.reported >= r.targets) return 'done';
  return r.acknowledged > 0 ? 'inProgress' : 'waiting';
}

/** What a target may do next: acknowledge, then report back, then nothing. */
export function nextAction(state: TargetState): 'acknowledge' | 'report' | null {
  return state === 'delivered' ? 'acknowledge' : state === 'acknowledged' ? 'report' : null;
}

/** Whether `path` lies at or below one of the user's grants (the server decides; this only hides buttons that would fail). */
export function withinGrants(path: string, grantPaths: readonly string[]): boolean {
  return grantPaths.some((g) => path === g || path.startsWith(`${g}.`));
}

/**
 * Where a user's roll-up starts: null (the issuer, the server's default) when one of their grants
 * covers the issuer, else their highest grant below the issuer (the issuer's level is not theirs to see).
 */
export function rollupBase<G extends { jurisdictionPath: string }>(issuerPath: string, grants: readonly G[]): G | null {
  if (withinGrants(issuerPath, grants.map((g) => g.jurisdictionPath))) return null;
  const below = grants.filter((g) => g.jurisdictionPath.startsWith(`${issuerPath}.`));
  return below.sort((a, b) => a.jurisdictionPath.split('.').length - b.jurisdictionPath.split('.').length)[0] ?? null;
}
