import type { Hazard } from '@firebreak/contracts';

export type HazardAction = 'start' | 'submit' | 'reject' | 'verify' | 'close' | 'requestExtension' | 'decideExtension' | 'addEvidence' | 'supervise';

/** Why an action is not offered now: a locale key under `hazardWork.why`. */
export type Why = 'noPermission' | 'ownFix' | 'ownRequest' | 'majorByReinspection' | 'majorNeedsPlan' | 'extensionPending' | 'noLevelAbove';

export interface Offered { action: HazardAction; enabled: boolean; why?: Why }

export interface Viewer {
  id: string;
  permissions: readonly string[];
  /** The paths of the viewer's grants: permissions hold in their subtrees. */
  grantPaths: readonly string[];
}

const within = (path: string, roots: readonly string[]) => roots.some((r) => path === r || path.startsWith(`${r}.`));

/**
 * The steps the hazard's state allows, each with whether this viewer may take it and, if not,
 * why (shown beside the disabled button). It mirrors the server's model and its permission checks
 * (`hazards/model.ts`, `advance-hazard.ts`); the server still decides. A step the state does not
 * allow is not listed at all; one the viewer lacks the permission for is listed disabled, so the
 * screen says who can.
 */
export function offeredActions(h: Pick<Hazard, 'state' | 'grade' | 'jurisdictionPath' | 'submittedBy' | 'extensions' | 'supervisedBy'>, v: Viewer): Offered[] {
  const may = (p: string) => v.permissions.includes(p) && within(h.jurisdictionPath, v.grantPaths);
  const manage = may('hazards:manage');
  const verify = may('hazards:verify');
  const pending = h.extensions.find((e) => e.state === 'pending');
  const out: Offered[] = [];
  const offer = (action: HazardAction, allowed: boolean, why?: Why) => out.push(allowed ? { action, enabled: true } : { action, enabled: false, why: why ?? 'noPermission' });
  const owed = h.state === 'open' || h.state === 'rectifying';

  if (h.state === 'open') offer('start', manage);
  if (owed) {
    if (h.state === 'open' && h.grade === 'major') offer('submit', false, manage ? 'majorNeedsPlan' : 'noPermission');
    else offer('submit', manage);
  }
  if (h.state === 'submitted') {
    const own = h.submittedBy === v.id;
    if (h.grade === 'major') offer('verify', false, verify ? 'majorByReinspection' : 'noPermission');
    else offer('verify', verify && !own, verify ? 'ownFix' : 'noPermission');
    offer('reject', verify && !own, verify ? 'ownFix' : 'noPermission');
  }
  if (h.state === 'verified') offer('close', verify);
  if (owed) {
    if (pending) {
      const own = pending.requestedBy === v.id;
      offer('decideExtension', verify && !own, verify ? 'ownRequest' : 'noPermission');
    } else offer('requestExtension', manage);
  }
  if (h.state !== 'closed') offer('addEvidence', manage);
  if (h.grade === 'major' && h.state !== 'closed' && !h.supervisedBy) {
    const verifyAnywhere = v.permissions.includes('hazards:verify');
    offer('supervise', verifyAnywhere && supervisionLevels(h.jurisdictionPath, v.grantPaths).length > 0, verifyAnywhere ? 'noLevelAbove' : 'noPermission');
  }
  return out;
}

/**
 * The levels that can put a major hazard under their supervision for this viewer: the
 * jurisdictions above the hazard's (never its own) that lie within the viewer's grants, highest first.
 */
export function supervisionLevels(hazardPath: string, grantPaths: readonly string[]): string[] {
  const labels = hazardPath.split('.');
  const ancestors = labels.slice(0, -1).map((_, i) => labels.slice(0, i + 1).join('.'));
  return ancestors.filter((a) => within(a, grantPaths));
}
