import type { IncidentType, Priority, ResponsePlan, SetResponsePlanBody, UnitKind } from '@firebreak/contracts';

/** Limits of `SetResponsePlanBody` (contracts), so the form stops before the server refuses. */
export const MAX_TIERS = 10;
export const MAX_SLOTS = 20;
export const MAX_UNITS = 50;

/**
 * Where the plan in force at a jurisdiction comes from: its own, an ancestor's (plans are
 * inherited down the tree until a jurisdiction overrides them), or none at all — then the
 * deployment's default applies: the nearest units, whatever their kind.
 */
export type PlanSource =
  | { kind: 'own' }
  | { kind: 'inherited'; jurisdictionId: string; jurisdictionPath: string }
  | { kind: 'default' };

export function planSource(jurisdictionId: string, plan: ResponsePlan | null): PlanSource {
  if (!plan) return { kind: 'default' };
  if (plan.jurisdictionId === jurisdictionId) return { kind: 'own' };
  return { kind: 'inherited', jurisdictionId: plan.jurisdictionId, jurisdictionPath: plan.jurisdictionPath };
}

/**
 * One row of a tier: a unit kind and how many (a NumberInput yields '' while empty). `capability`:
 * kept from a card that asks for one (set through the API or a plans file), so saving keeps it.
 */
export interface SlotDraft { kind: UnitKind | null; capability?: string; units: number | string }
/** A tier keeps its number: the server fills tiers in that order and names them in recommendations. */
export interface TierDraft { tier: number; slots: SlotDraft[] }

export const emptySlot = (): SlotDraft => ({ kind: null, units: 1 });

/** The form's start: a copy of the plan in force (own or inherited), else one tier with one empty row. */
export function draftFromPlan(plan: ResponsePlan | null): TierDraft[] {
  if (!plan || plan.tiers.length === 0) return [{ tier: 1, slots: [emptySlot()] }];
  return [...plan.tiers].sort((a, b) => a.tier - b.tier).map((t) => ({ tier: t.tier, slots: t.slots.map((s) => ({ kind: s.kind ?? null, ...(s.capability ? { capability: s.capability } : {}), units: s.units })) }));
}

/** The number a new tier gets: one past the highest, or null when no tier is left (1…MAX_TIERS). */
export function nextTierNumber(tiers: readonly TierDraft[]): number | null {
  const next = Math.max(0, ...tiers.map((t) => t.tier)) + 1;
  return next <= MAX_TIERS ? next : null;
}

/** Problems found before sending: field path (as the server names it, without `body.`) -> i18n key. */
export type PlanProblems = Record<string, string>;

export function planBody(d: { jurisdictionId: string; incidentType: IncidentType; priority: Priority; tiers: readonly TierDraft[] }):
  { body: SetResponsePlanBody; problems: null } | { body: null; problems: PlanProblems } {
  const problems: PlanProblems = {};
  if (d.tiers.length === 0) problems.tiers = 'settings.plans.noTiers';
  d.tiers.forEach((tier, i) => {
    if (tier.slots.length === 0) problems[`tiers.${i}.slots`] = 'settings.plans.noSlots';
    const seen = new Set<string>();
    tier.slots.forEach((slot, j) => {
      const at = `tiers.${i}.slots.${j}`;
      const key = `${slot.kind ?? ''}+${slot.capability ?? ''}`;
      if (!slot.kind && !slot.capability) problems[`${at}.kind`] = 'settings.required';
      else if (seen.has(key)) problems[`${at}.kind`] = 'settings.plans.duplicateKind';
      else seen.add(key);
      const n = typeof slot.units === 'number' ? slot.units : Number.NaN;
      if (!Number.isInteger(n) || n < 1 || n > MAX_UNITS) problems[`${at}.units`] = 'settings.plans.unitsRange';
    });
  });
  if (Object.keys(problems).length) return { body: null, problems };
  return {
    problems: null,
    body: {
      jurisdictionId: d.jurisdictionId,
      incidentType: d.incidentType,
      priority: d.priority,
      tiers: d.tiers.map((t) => ({ tier: t.tier, slots: t.slots.map((s) => ({ ...(s.kind ? { kind: s.kind } : {}), ...(s.capability ? { capability: s.capability } : {}), units: s.units as number })) })),
    },
  };
}

/**
 * Where the form shows a server's field error (problem+json `errors[].path`, e.g.
 * `body.tiers.0.slots.1.units`): under that input, else under its tier, else above the tiers;
 * null for a field the form has no place for (it goes into the general alert).
 */
export function planErrorPlace(path: string): string | null {
  const p = path.replace(/^\/?body[./]?/, '').replace(/\//g, '.');
  const slot = /^tiers\.(\d+)\.slots\.(\d+)\.(kind|units)$/.exec(p);
  if (slot) return p;
  const tier = /^tiers\.(\d+)(\.|$)/.exec(p);
  if (tier) return `tiers.${tier[1]}.slots`;
  if (p === 'tiers' || p.startsWith('tiers.')) return 'tiers';
  return null;
}

/** Server field errors by the place the form shows them; the first message per place wins. */
export function placedPlanErrors(errors: readonly { path: string; message: string }[] | undefined): { placed: Record<string, string>; unplaced: string[] } {
  const placed: Record<string, string> = {};
  const unplaced: string[] = [];
  for (const e of errors ?? []) {
    const at = planErrorPlace(e.path);
    if (at) placed[at] ??= e.message;
    else unplaced.push(`${e.path}: ${e.message}`);
  }
  return { placed, unplaced };
}

/** Whether `path` lies at or below one of the grants (the server decides; this only hides a button that would fail). */
export function withinAny(path: string, grantPaths: readonly string[]): boolean {
  return grantPaths.some((g) => path === g || path.startsWith(`${g}.`));
}
